using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Training;

namespace SynthCore.Tests.Privacy;

/// <summary>
/// <see cref="NoiseCalibration"/>: the noise multiplier found for an ε gives that ε by the accountant (at most it, within
/// 0.1% below), recovers TF-Privacy's own σ for its ε, and an ε out of reach names the option; each DP-SGD model's
/// <see cref="IDpSgdSynthesizer.EpsilonCurve"/> gives the ε its fit then reports, also on part of a table and after a model file.
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class NoiseCalibrationTests
{
    private static double DpSgd(double q, long steps, double sigma) => new RdpAccountant().Compose(q, sigma, steps).GetEpsilon(1e-5).Epsilon;

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(100)]
    public void The_noise_multiplier_gives_the_target_epsilon_within_the_tolerance(double target)
    {
        double sigma = NoiseCalibration.NoiseMultiplierFor(target, s => DpSgd(50.0 / 241, 10, s));
        double epsilon = DpSgd(50.0 / 241, 10, sigma);
        Assert.InRange(epsilon, target * (1 - 1e-3), target);
        // A hair less noise would spend more than the target: the σ is the least that keeps to it, up to the tolerance.
        Assert.True(DpSgd(50.0 / 241, 10, sigma * 0.99) > target);
    }

    [Fact]
    public void It_recovers_tf_privacys_noise_multiplier_for_its_epsilon()
    {
        // compute_dp_sgd_privacy_test.py: n 60,000, batch 150, σ 1.3, 15 epochs, δ 1e-5 → ε 0.7242234026109595 (RdpAccountantTests).
        double sigma = NoiseCalibration.NoiseMultiplierFor(0.7242234026109595, s => RdpAccountant.DpSgdEpsilon(60000, 150, s, 15, 1e-5).Epsilon);
        Assert.Equal(1.3, sigma, 2);
    }

    [Fact]
    public void More_budget_needs_less_noise()
    {
        var sigmas = new[] { 0.5, 1, 2, 5, 20 }.Select(e => NoiseCalibration.NoiseMultiplierFor(e, s => DpSgd(0.2, 40, s))).ToArray();
        Assert.Equal(sigmas.OrderDescending(), sigmas);
    }

    [Fact]
    public void An_epsilon_out_of_reach_names_the_option()
    {
        // The category counts' release at σ 5 alone costs more than ε = 0.05, whatever the gradients' noise.
        var floor = Assert.Throws<SynthOptionException>(() => NoiseCalibration.NoiseMultiplierFor(0.05,
            s => new RdpAccountant().Compose(0.2, s, 40).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, option: "--epsilons"));
        Assert.Equal("--epsilons", floor.Option);
        Assert.Contains("cannot be reached", floor.Message);
        var huge = Assert.Throws<SynthOptionException>(() => NoiseCalibration.NoiseMultiplierFor(1e12, s => DpSgd(0.2, 40, s), option: "--epsilons"));
        Assert.Contains("Ask for a smaller ε", huge.Message);
    }

    /// <summary>Two thirds of penguins for the fit, the metadata of the whole table (as privacy-sweep and run --holdout-fraction do).</summary>
    private static (DataFrame Training, TableMetadata Metadata) PartOfPenguins()
    {
        var table = PrivacyTestData.Penguins();
        var (training, _) = HoldoutSplit.Split(table, 1.0 / 3, seed: 4);
        return (training, TableMetadata.Detect(table));
    }

    [Theory]
    [InlineData("gan", "latent-dim=8")]
    [InlineData("cgan", "condition=Species")]
    [InlineData("ctgan", "generator-dims=32")]
    [InlineData("tvae", "hidden-layers=16")]
    public void Each_dp_sgd_model_spends_what_it_planned_on_part_of_a_table_also_after_a_model_file(string model, string option)
    {
        var (training, metadata) = PartOfPenguins();
        var (key, value) = (option[..option.IndexOf('=')], option[(option.IndexOf('=') + 1)..]);
        ISynthesizer Create(double sigma) => SynthesizerRegistry.Default.Create(model, new SynthesizerSettings
        {
            Epochs = 2, BatchSize = 40, Seed = 3,
            Extra = new Dictionary<string, string> { [key] = value, ["dp-noise-multiplier"] = sigma.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
        });
        var planner = Assert.IsAssignableFrom<IDpSgdSynthesizer>(Create(1));
        double sigma = NoiseCalibration.NoiseMultiplierFor(3, planner.EpsilonCurve(training, metadata));

        var fitted = Create(sigma).Fit(training, metadata);
        try
        {
            var account = ((IPrivacyAccounted)fitted).PrivacyAccount!;
            Assert.InRange(account.Epsilon, 3 * (1 - 1e-3), 3);
            using var file = new MemoryStream();
            fitted.Save(file);
            file.Position = 0;
            var loaded = SynthesizerRegistry.Default.Load(file);
            Assert.Equal(account.Epsilon, ((IPrivacyAccounted)loaded).PrivacyAccount!.Epsilon, 12);
            (loaded as IDisposable)?.Dispose();
        }
        finally
        {
            (fitted as IDisposable)?.Dispose();
        }
    }
}
