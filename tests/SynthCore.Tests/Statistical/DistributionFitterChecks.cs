using MathNet.Numerics.Distributions;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

/// <summary>
/// What the distribution fitter must recover from 5,000 draws of a known distribution, with the
/// tolerances its seed sweep calibrated (a seed seeds the draws; the range each check took over
/// seeds 1–10 is in the comments, then over seeds 1–100; rerun with <see cref="SeedSweep"/>'s command
/// after changing the fitter). A parameter's check is its relative error; a family's, its rank among the fits.
/// </summary>
public static class DistributionFitterChecks
{
    public const int N = 5000;

    public static readonly string[] Continuous = ["normal", "log-normal", "weibull", "beta", "exponential", "uniform"];
    public static readonly string[] Counts = ["poisson", "negative-binomial", "binomial"];

    private static double[] Draw(IContinuousDistribution d) { var x = new double[N]; d.Samples(x); return x; }

    private static double[] DrawCounts(IDiscreteDistribution d) { var x = new int[N]; d.Samples(x); return x.Select(v => (double)v).ToArray(); }

    private static StatisticalCheck RelativeError(string name, double expected, double actual, double limit) =>
        StatisticalCheck.AtMost($"{name} ({expected}) relative error", Math.Abs(actual - expected) / Math.Abs(expected), limit);

    private static IReadOnlyList<DistributionCandidate> FitAndLog(double[] x, bool counts, ITestOutputHelper? output)
    {
        var fits = DistributionFitter.Fit(x, counts);
        foreach (var c in fits) output?.WriteLine($"{c.Distribution}: AIC {c.Aic:F1}, KS {c.KsStatistic:F4}, p {c.KsPValue:F3}");
        return fits;
    }

    /// <summary>Gamma(2, scale 3): ranked first by AIC, its parameters recovered, its KS test passed.</summary>
    public static IReadOnlyList<StatisticalCheck> Gamma(int seed, ITestOutputHelper? output = null)
    {
        var fits = FitAndLog(Draw(new Gamma(2, 1.0 / 3, new Random(seed))), counts: false, output);
        Assert.Equal(fits.OrderBy(f => f.Aic).Select(f => f.Family), fits.Select(f => f.Family));
        var gamma = fits.First(f => f.Family == DistributionFamily.Gamma);
        return
        [
            // seeds 1–10 and 1–100: always 1
            new StatisticalCheck("gamma's rank by AIC", fits.ToList().IndexOf(gamma) + 1, 1, 1),
            // The shape's standard error at 5,000 draws is 1.9 %; was 5 %, which seeds 13 and 92 broke.
            // seeds 1–10: 0.002 … 0.046 (1–100: ≤ 0.053)
            RelativeError("shape", 2, gamma.Distribution.Parameters["shape"], 0.07),
            // seeds 1–10: 0.000 … 0.037 (1–100: ≤ 0.045)
            RelativeError("scale", 3, gamma.Distribution.Parameters["scale"], 0.07),
            // seeds 1–10: 0.585 … 0.981 (1–100: ≥ 0.336)
            StatisticalCheck.AtLeast("KS p-value of the gamma fit", gamma.KsPValue, 0.05),
        ];
    }

    /// <summary>A continuous family: its parameters recovered, and among the two best by AIC (nested families can tie: exponential is gamma with shape 1).</summary>
    public static IReadOnlyList<StatisticalCheck> ContinuousFamily(string family, int seed, ITestOutputHelper? output = null)
    {
        var random = new Random(seed);
        (double[] x, DistributionFamily expected, (string, double)[] parameters) = family switch
        {
            "normal" => (Draw(new Normal(10, 2, random)), DistributionFamily.Normal, new[] { ("mean", 10.0), ("sd", 2.0) }),
            "log-normal" => (Draw(new LogNormal(1, 0.5, random)), DistributionFamily.LogNormal, new[] { ("mu", 1.0), ("sigma", 0.5) }),
            "weibull" => (Draw(new Weibull(1.5, 4, random)), DistributionFamily.Weibull, new[] { ("shape", 1.5), ("scale", 4.0) }),
            "beta" => (Draw(new Beta(2, 5, random)), DistributionFamily.Beta, new[] { ("alpha", 2.0), ("beta", 5.0) }),
            "exponential" => (Draw(new Exponential(0.5, random)), DistributionFamily.Exponential, new[] { ("rate", 0.5) }),
            _ => (Draw(new ContinuousUniform(-3, 5, random)), DistributionFamily.Uniform, new[] { ("lower", -3.0), ("upper", 5.0) }),
        };
        var fits = FitAndLog(x, counts: false, output);
        var fit = fits.First(f => f.Family == expected);
        // Nested families tie or win by chance: the exponential is the gamma and the Weibull with shape 1, the
        // uniform a beta with α = β = 1; each extra parameter lowers a nested fit's AIC by χ²₁ − 2. So the
        // true family's AIC must be within a few points of the best, not in the top two (the exponential
        // was 3rd or 4th at 16 of seeds 1–100, the uniform 3rd at 2).
        // The truncated normal's mass Φ(b) − Φ(a) used to be a difference of two numbers near ½ (huge sd) or
        // near 1 (far mean), so on exponential and uniform draws it "won" by up to 6,900 AIC points with a KS
        // of 0.34–0.40 (exponential at 7 of seeds 1–100, uniform at 19); LogStandardNormalMass fixed that.
        // seeds 1–10: normal 0 … 0.98, the others 0; 1–100: normal ≤ 10.6, beta ≤ 6.6, and still 3 seeds over
        // the bound (uniform 13.3 and 37.3 at seeds 56 and 20, exponential 73.2 at 64): left for the fitter.
        var checks = new List<StatisticalCheck> { StatisticalCheck.AtMost($"{family}: AIC above the best fit's", fit.Aic - fits.Min(f => f.Aic), 12) };
        // Beta bounds are fitted to the observed range (widened slightly), which costs its shape a little accuracy.
        // seeds 1–10 (1–100): normal mean ≤ 0.004 (0.007), sd ≤ 0.018 (0.023); log-normal μ ≤ 0.009 (0.017),
        // σ ≤ 0.018 (0.023); Weibull shape ≤ 0.010 (0.033), scale ≤ 0.020 (0.025); beta α ≤ 0.031 (0.042),
        // β ≤ 0.025 (0.051); exponential rate ≤ 0.025 (0.036); uniform bounds ≤ 0.001 (0.003)
        foreach (var (name, value) in parameters)
            checks.Add(RelativeError($"{family} {name}", value, fit.Distribution.Parameters[name], expected == DistributionFamily.Beta ? 0.1 : 0.05));
        return checks;
    }

    /// <summary>Normal(0, 2) truncated to (−1, 4): mean and deviation of the untruncated normal recovered.</summary>
    public static IReadOnlyList<StatisticalCheck> TruncatedNormal(int seed, ITestOutputHelper? output = null)
    {
        var random = new Random(seed);
        var x = new List<double>();
        var n = new Normal(0, 2, random);
        while (x.Count < N) { double v = n.Sample(); if (v > -1 && v < 4) x.Add(v); }
        var fit = FitAndLog(x.ToArray(), counts: false, output).First(f => f.Family == DistributionFamily.TruncatedNormal);
        return
        [
            // Observed between −0.5 and +2 deviations only, mean and sd trade off along a ridge of the likelihood:
            // seed 41 of 1–100 gave −0.444 and +13 % together (were ±0.3 and 10 %).
            // seeds 1–10: −0.082 … 0.141 (1–100: −0.444 … 0.162)
            new StatisticalCheck("truncated normal: mean (0)", fit.Distribution.Parameters["mean"], -0.55, 0.55),
            // seeds 1–10: 0.007 … 0.036 (1–100: ≤ 0.129)
            RelativeError("truncated normal: sd", 2, fit.Distribution.Parameters["sd"], 0.16),
        ];
    }

    /// <summary>A count family: ranked first, its parameters recovered.</summary>
    public static IReadOnlyList<StatisticalCheck> CountFamily(string family, int seed, ITestOutputHelper? output = null)
    {
        var random = new Random(seed);
        (double[] x, DistributionFamily expected, (string, double)[] parameters) = family switch
        {
            "poisson" => (DrawCounts(new Poisson(4, random)), DistributionFamily.Poisson, new[] { ("lambda", 4.0) }),
            "negative-binomial" => (NegativeBinomialDraws(3, 0.3, random), DistributionFamily.NegativeBinomial, new[] { ("r", 3.0), ("p", 0.3) }),
            _ => (DrawCounts(new Binomial(0.3, 20, random)), DistributionFamily.Binomial, new[] { ("p", 0.3), ("n", 20.0) }),
        };
        var fits = FitAndLog(x, counts: true, output);
        var fit = fits.First(f => f.Family == expected);
        // The Poisson is the limit of the binomial (n → ∞) and of the negative binomial (r → ∞): draws that
        // happen to be a little under- or overdispersed let one of them beat it by AIC (seeds 1 and 2 of 1–10),
        // so, as for the nested continuous families, the Poisson must be among the top two; the others first.
        // seeds 1–10: Poisson 1 … 2, negative binomial and binomial always 1 (1–100 the same; seed 72's barely
        // overdispersed Poisson draws made the negative-binomial fit throw until its profile was taken in logs)
        var checks = new List<StatisticalCheck> { new($"{family}: rank by AIC", fits.ToList().IndexOf(fit) + 1, 1, expected == DistributionFamily.Poisson ? 2 : 1) };
        // The binomial's n is notoriously ill-determined by its MLE (n·p is sharp, n and p trade off).
        // seeds 1–10 (1–100): Poisson λ ≤ 0.021 (0.021); negative binomial p ≤ 0.041 (0.061), r ≤ 0.060 (0.074);
        // binomial n ≤ 0.050 (0.100), p ≤ 0.056 (0.122)
        foreach (var (name, value) in parameters)
            checks.Add(RelativeError($"{family} {name}", value, fit.Distribution.Parameters[name], expected == DistributionFamily.Binomial ? 0.15 : 0.1));
        return checks;
    }

    // MathNet's NegativeBinomial sampler does not match its own PMF (its draws average r/p, the PMF r(1−p)/p),
    // so draw the gamma–Poisson mixture, whose mean is r(1−p)/p, the parameterisation the fitter uses.
    private static double[] NegativeBinomialDraws(double r, double p, Random random)
    {
        var gamma = new Gamma(r, p / (1 - p), random);
        return Enumerable.Range(0, N).Select(_ => (double)Poisson.Sample(random, gamma.Sample())).ToArray();
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) =>
    [
        .. Gamma(seed),
        .. Continuous.SelectMany(f => ContinuousFamily(f, seed)),
        .. TruncatedNormal(seed),
        .. Counts.SelectMany(f => CountFamily(f, seed)),
    ];
}

/// <summary>The distribution fitter's checks at seeds 1–10 (the seed of the draws).</summary>
public sealed class DistributionFitterSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(DistributionFitterChecks.All, output.WriteLine);
}
