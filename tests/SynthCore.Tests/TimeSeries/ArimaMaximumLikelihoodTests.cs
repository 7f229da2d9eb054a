using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>Exact likelihood (Kalman filter) against closed forms, and exact ML estimation.</summary>
public class ArimaMaximumLikelihoodTests(ITestOutputHelper output)
{
    private static ArimaModel Truth(ArimaOrder order, double[]? ar = null, double[]? ma = null, double[]? sar = null, double[]? sma = null, double mean = 0, double sigma2 = 1) =>
        new(order, ar ?? [], ma ?? [], sar ?? [], sma ?? [], mean, sigma2, 0, 0, 0);

    /// <summary>log N(y; μ1, Σ) by MathNet's Cholesky: −½ (n log 2π + log|Σ| + (y−μ)'Σ⁻¹(y−μ)).</summary>
    private static double MultivariateNormal(double[] y, double mean, Func<int, double> autocovariance)
    {
        int n = y.Length;
        var sigma = Matrix<double>.Build.Dense(n, n, (i, j) => autocovariance(Math.Abs(i - j)));
        var centred = Vector<double>.Build.Dense(n, i => y[i] - mean);
        var cholesky = sigma.Cholesky();
        return -0.5 * (n * Math.Log(2 * Math.PI) + cholesky.DeterminantLn + centred.DotProduct(cholesky.Solve(centred)));
    }

    private static readonly double[] Short = [0.3, -1.2, 0.8, 2.1, 1.4, -0.5, -0.9, 0.2, 1.7, 0.6, -0.4, -1.8];

    [Fact]
    public void Exact_log_likelihood_of_an_AR1_matches_the_closed_form_and_the_multivariate_normal()
    {
        double phi = 0.6, mu = 0.4, s2 = 1.7;
        var model = Truth(new ArimaOrder(1, 0, 0), ar: [phi], mean: mu, sigma2: s2);
        double kalman = ArimaEstimation.ExactLogLikelihood(model, [Short]);

        // Closed form: the first value from the stationary N(μ, σ²/(1−φ²)), the rest conditional.
        int n = Short.Length;
        double sum = (1 - phi * phi) * (Short[0] - mu) * (Short[0] - mu);
        for (int t = 1; t < n; t++) sum += Math.Pow(Short[t] - mu - phi * (Short[t - 1] - mu), 2);
        double closed = -0.5 * n * Math.Log(2 * Math.PI * s2) + 0.5 * Math.Log(1 - phi * phi) - sum / (2 * s2);
        Assert.Equal(closed, kalman, 1e-8);
        Assert.Equal(MultivariateNormal(Short, mu, k => s2 * Math.Pow(phi, k) / (1 - phi * phi)), kalman, 1e-8);
    }

    [Fact]
    public void Exact_log_likelihood_of_an_MA1_matches_the_multivariate_normal()
    {
        foreach (double theta in new[] { 0.5, -0.8, 0.97 })
        {
            double mu = -0.2, s2 = 0.8;
            var model = Truth(new ArimaOrder(0, 0, 1), ma: [theta], mean: mu, sigma2: s2);
            double expected = MultivariateNormal(Short, mu, k => k switch { 0 => s2 * (1 + theta * theta), 1 => s2 * theta, _ => 0 });
            Assert.Equal(expected, ArimaEstimation.ExactLogLikelihood(model, [Short]), 1e-8);
        }
    }

    [Fact]
    public void Exact_log_likelihood_of_a_seasonal_ARMA_matches_the_multivariate_normal()
    {
        // (1,0,1)(1,0,0)[4]: autocovariances from the ψ weights of the multiplied-out operators.
        var model = Truth(new ArimaOrder(1, 0, 1, 1, 0, 0, 4), ar: [0.5], ma: [0.4], sar: [0.6], mean: 1, sigma2: 1.3);
        double[] phi = [0.5, 0, 0, 0.6, -0.3];     // (1 − 0.5B)(1 − 0.6B⁴) = 1 − 0.5B − 0.6B⁴ + 0.3B⁵
        var psi = new double[4000];
        for (int j = 0; j < psi.Length; j++)
        {
            double v = j == 0 ? 1 : j == 1 ? 0.4 : 0;
            for (int i = 1; i <= phi.Length && i <= j; i++) v += phi[i - 1] * psi[j - i];
            psi[j] = v;
        }
        double Gamma(int k) { double s = 0; for (int j = 0; j + k < psi.Length; j++) s += psi[j] * psi[j + k]; return 1.3 * s; }
        double[] y = [.. Short, .. Short.Select(v => v * 0.5 + 1)];
        Assert.Equal(MultivariateNormal(y, 1, Gamma), ArimaEstimation.ExactLogLikelihood(model, [y]), 1e-8);
    }

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Ml_recovers_an_AR2_and_an_MA1() => AssertAll(ArimaMaximumLikelihoodChecks.Ar2AndMa1(arSeed: 11, maSeed: 12));

    [Fact]
    public void Ml_recovers_seasonal_coefficients() => AssertAll(ArimaMaximumLikelihoodChecks.Seasonal(seed: 13));

    [Fact]
    public void On_short_MA_series_ML_is_less_biased_towards_zero_than_CSS() => AssertAll(ArimaMaximumLikelihoodChecks.ShortMaBias(firstSeed: 100));

    [Fact]
    public void Aic_with_ML_selects_the_true_order() => AssertAll(ArimaMaximumLikelihoodChecks.AicOrder(seed: 14));

    [Fact]
    public void Partial_autocorrelation_map_round_trips_and_stays_stationary()
    {
        var random = new Random(15);
        for (int trial = 0; trial < 50; trial++)
        {
            var u = Enumerable.Range(0, 3).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            var ar = StationaryTransform.Ar(u);
            var back = StationaryTransform.FromAr(ar);
            for (int i = 0; i < 3; i++) Assert.Equal(u[i], back[i], 1e-9);
            var roots = new MathNet.Numerics.Polynomial([1, -ar[0], -ar[1], -ar[2]]).Roots();
            Assert.All(roots, r => Assert.True(r.Magnitude > 1));
        }
    }

    [Fact]
    public void The_method_option_reaches_the_synthesizer_and_models_saved_before_ML_read_as_CSS()
    {
        var css = (ArimaSynthesizer)SynthCore.Registry.SynthesizerRegistry.Default.Create("arima",
            new SynthCore.Synthesizers.SynthesizerSettings { Extra = new Dictionary<string, string> { ["method"] = "css" } });
        Assert.Equal(ArimaMethod.Css, css.Options.Method);
        Assert.Equal(ArimaMethod.CssMl, new ArimaOptions().Method);
        var bad = Assert.Throws<SynthCore.SynthOptionException>(() => SynthCore.Registry.SynthesizerRegistry.Default.Create("arima",
            new SynthCore.Synthesizers.SynthesizerSettings { Extra = new Dictionary<string, string> { ["method"] = "exact" } }));
        Assert.Equal("method", bad.Option);

        var model = Truth(new ArimaOrder(1, 0, 0), ar: [0.5]) with { Method = ArimaMethod.Ml };
        var json = System.Text.Json.JsonSerializer.SerializeToNode(model, SynthCore.Persistence.ModelFile.JsonOptions)!.AsObject();
        Assert.Equal("ml", (string)json["method"]!);
        Assert.Equal(ArimaMethod.Ml, json.Deserialize<ArimaModel>(SynthCore.Persistence.ModelFile.JsonOptions)!.Method);
        json.Remove("method");
        Assert.Equal(ArimaMethod.Css, json.Deserialize<ArimaModel>(SynthCore.Persistence.ModelFile.JsonOptions)!.Method);
    }
}
