using SynthCore.Training;


namespace SynthCore.Tests.Privacy;

/// <summary>
/// Reference values from TF-Privacy's own tests (tensorflow/privacy,
/// tensorflow_privacy/privacy/analysis/rdp_accountant_test.py and compute_dp_sgd_privacy_test.py).
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class RdpAccountantTests
{
    [Fact]
    public void MatchesTfPrivacyComputeRdp()
    {
        // test_compute_rdp_no_sampling: q = 1 is the plain Gaussian, α / (2σ²).
        Assert.Equal(0.1, new RdpAccountant([20]).Compose(1, 10, 1).Rdp[0], 12);
        Assert.Equal(0, new RdpAccountant([20]).Compose(0, 10, 1).Rdp[0]);
        // test_compute_rdp_scalar: compute_rdp(0.1, 2, 10, 5) ≈ 0.07737 (5 places).
        Assert.Equal(0.07737, new RdpAccountant([5]).Compose(0.1, 2, 10).Rdp[0], 5);
        // test_compute_rdp_sequence: compute_rdp(0.01, 2.5, 50, [1.5, 2.5, 5, 50, 100]) (delta 1e-5), fractional and integer orders.
        var rdp = new RdpAccountant([1.5, 2.5, 5, 50, 100]).Compose(0.01, 2.5, 50).Rdp;
        double[] expected = [0.00065, 0.001085, 0.00218075, 0.023846, 167.416307];
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - rdp[i]) < 1e-5, $"order {i}: {rdp[i]} vs {expected[i]}");
    }

    [Fact]
    public void ConversionMatchesTfPrivacy()
    {
        // test_get_privacy_spent_check_target_delta: constant RDP 1.1 on orders 2..32 → ε 1.32783806176 at order 32.
        var orders = Enumerable.Range(2, 31).Select(i => (double)i).ToArray();
        var (epsilon, order) = RdpAccountant.FromRdp(orders, orders.Select(_ => 1.1).ToArray()).GetEpsilon(1e-5);
        Assert.Equal(32, order);
        Assert.Equal(1.32783806176, epsilon, 9);

        // Gaussian σ = 4.530877117 without sampling is exactly (1, 1e-6)-DP on a fine grid of orders.
        var fine = new RdpAccountant(Enumerable.Range(1000, 99000).Select(i => 0.001 * i).Where(a => a > 1).ToArray()).Compose(1, 4.530877117, 1);
        Assert.Equal(1.0, fine.GetEpsilon(1e-6).Epsilon, 6);
    }

    [Theory]
    // compute_dp_sgd_privacy_test.py: (n, batch, σ, epochs, δ) → (ε, optimal order).
    [InlineData(60000, 150, 1.3, 15, 1e-5, 0.7242234026109595, 19.0)]
    [InlineData(100000, 100, 1.0, 30, 1e-7, 1.4154988495444842, 13.0)]
    [InlineData(100000000, 1024, 0.1, 10, 1e-7, 5907982.3113978775, 1.25)]
    public void DpSgdEpsilonMatchesTfPrivacy(int n, int batch, double sigma, double epochs, double delta, double expectedEpsilon, double expectedOrder)
    {
        var (epsilon, order) = RdpAccountant.DpSgdEpsilon(n, batch, sigma, epochs, delta);
        Assert.Equal(expectedOrder, order);
        Assert.True(Math.Abs(epsilon - expectedEpsilon) <= 1e-6 * expectedEpsilon, $"ε {epsilon:R} vs {expectedEpsilon:R}");
    }

    [Theory]
    // TF-Privacy tutorials/README.md (2019 version), "Select Parameters" table, N = 60,000, batch 256, δ = 1e-5;
    // the default row is also stated as: compute_dp_sgd_privacy.py --N=60000 --batch_size=256
    // --noise_multiplier=1.1 --epochs=60 --delta=1e-5 → eps = 3.01. Those figures used the classic conversion.
    [InlineData(1.1, 60, 3.01)]
    [InlineData(1.3, 15, 1.19)]
    [InlineData(0.7, 45, 7.10)]
    public void TfPrivacyMnistTutorialFigures(double sigma, int epochs, double published)
    {
        long steps = (long)Math.Ceiling(epochs * 60000 / 256.0);
        // The tutorial's compute_epsilon used the orders 1.1, 1.2, …, 10.9, 12, …, 63.
        var tutorialOrders = Enumerable.Range(1, 99).Select(x => 1 + x / 10.0).Concat(Enumerable.Range(12, 52).Select(i => (double)i)).ToArray();
        Assert.Equal(published, new RdpAccountant(tutorialOrders).Compose(256.0 / 60000, sigma, steps).GetEpsilon(1e-5, RdpConversion.Classic).Epsilon, 2);
        var accountant = new RdpAccountant().Compose(256.0 / 60000, sigma, steps);
        // The improved conversion is tighter for the same mechanism (2.597 for the default row).
        double improved = accountant.GetEpsilon(1e-5).Epsilon;
        Assert.InRange(improved, 0.7 * published, published);
        Assert.Equal(RdpAccountant.DpSgdEpsilon(60000, 256, sigma, epochs, 1e-5), accountant.GetEpsilon(1e-5));
    }

    [Fact]
    public void AbadiExampleIsNoWorseThanTheMomentsAccountant()
    {
        // Abadi et al. 2016, §3.1: q = 0.01, σ = 4, 10,000 steps, δ = 1e-5 gives ε ≈ 1.26 with the moments accountant.
        // RDP with the improved conversion is a tighter analysis of the same mechanism: smaller, of the same order.
        var (epsilon, _) = new RdpAccountant().Compose(0.01, 4, 10_000).GetEpsilon(1e-5);
        Assert.InRange(epsilon, 0.8, 1.26);
    }

    [Fact]
    public void EpsilonGrowsWithStepsAndShrinksWithNoise()
    {
        double Eps(double sigma, long steps) => new RdpAccountant().Compose(0.01, sigma, steps).GetEpsilon(1e-5).Epsilon;
        Assert.True(Eps(1.1, 1000) < Eps(1.1, 2000));
        Assert.True(Eps(2, 1000) < Eps(1.1, 1000));
        // Composition: two halves equal the whole.
        var split = new RdpAccountant().Compose(0.01, 1.1, 500).Compose(0.01, 1.1, 500).GetEpsilon(1e-5).Epsilon;
        Assert.Equal(Eps(1.1, 1000), split, 12);
    }
}
