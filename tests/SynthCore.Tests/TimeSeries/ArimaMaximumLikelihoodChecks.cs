using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// What exact maximum-likelihood ARIMA estimation must recover from simulated series, with the
/// tolerances its seed sweep calibrated (a seed seeds the simulated series; the range each check took
/// over seeds 1–10 is in the comments, then over seeds 1–100; rerun with <see cref="SeedSweep"/>'s command
/// after changing the estimation).
/// </summary>
public static class ArimaMaximumLikelihoodChecks
{
    private static ArimaModel Truth(ArimaOrder order, double[]? ar = null, double[]? ma = null, double[]? sma = null, double mean = 0) =>
        new(order, ar ?? [], ma ?? [], [], sma ?? [], mean, 1, 0, 0, 0);

    /// <summary>AR(2) by CSS-ML and MA(1) by ML from 1,500 steps; the ML estimate maximises the exact likelihood.</summary>
    public static IReadOnlyList<StatisticalCheck> Ar2AndMa1(int arSeed, int maSeed)
    {
        var ar = Truth(new ArimaOrder(2, 0, 0), ar: [0.5, -0.3], mean: 10).Simulate(1500, new Random(arSeed));
        var fitAr = ArimaEstimation.Fit([ar], new ArimaOrder(2, 0, 0), ArimaMethod.CssMl);
        Assert.Equal(ArimaMethod.CssMl, fitAr.Method);
        Assert.Equal(1500, fitAr.Observations);
        var ma = Truth(new ArimaOrder(0, 0, 1), ma: [0.6]).Simulate(1500, new Random(maSeed));
        var fitMa = ArimaEstimation.Fit([ma], new ArimaOrder(0, 0, 1), ArimaMethod.Ml);
        // The estimate maximises the exact likelihood: its reported log L is the likelihood there, and nearby points are worse.
        Assert.Equal(ArimaEstimation.ExactLogLikelihood(fitMa, [ma]), fitMa.LogLikelihood, 1e-6);
        foreach (double delta in new[] { -0.02, 0.02 })
            Assert.True(ArimaEstimation.ExactLogLikelihood(fitMa with { Ma = [fitMa.Ma[0] + delta] }, [ma]) < fitMa.LogLikelihood);
        // Standard errors at 1,500 steps: φ 0.025, mean 0.032, σ² 0.037, θ 0.021; the bounds are about four
        // (they were 2.2–3.1, which seeds 18, 19, 34 and 43 of 1–100 broke).
        return
        [
            // seeds 1–10: 0.459 … 0.515 (1–100: 0.452 … 0.570)
            new("AR(2) φ₁ (0.5)", fitAr.Ar[0], 0.4, 0.6),
            // seeds 1–10: −0.342 … −0.272 (1–100: −0.373 … −0.237)
            new("AR(2) φ₂ (−0.3)", fitAr.Ar[1], -0.4, -0.2),
            // seeds 1–10: 9.952 … 10.031 (1–100: 9.925 … 10.076)
            new("AR(2) mean (10)", fitAr.Mean, 9.87, 10.13),
            // seeds 1–10: 0.958 … 1.071 (1–100: 0.926 … 1.107)
            new("AR(2) σ² (1)", fitAr.Sigma2, 0.85, 1.15),
            // seeds 1–10: 0.577 … 0.631 (1–100: 0.539 … 0.639)
            new("MA(1) θ (0.6)", fitMa.Ma[0], 0.515, 0.685),
        ];
    }

    /// <summary>AR(1)×SMA(1)₁₂ with φ = 0.5, Θ = 0.6, mean 3, from 900 steps by CSS-ML.</summary>
    public static IReadOnlyList<StatisticalCheck> Seasonal(int seed)
    {
        var order = new ArimaOrder(1, 0, 0, 0, 0, 1, 12);
        var y = Truth(order, ar: [0.5], sma: [0.6], mean: 3).Simulate(900, new Random(seed));
        var fit = ArimaEstimation.Fit([y], order, ArimaMethod.CssMl);
        // Standard errors at 900 steps: φ 0.029, Θ 0.027, and the mean σ(1 + Θ)/(1 − φ)/√n = 0.11; the bounds
        // are about four (they were 2.4, 3 and 1.9: seeds 50, 54, 85, 88, 89, 100 of 1–100 broke them).
        return
        [
            // seeds 1–10: 0.478 … 0.546 (1–100: 0.429 … 0.564)
            new("seasonal φ (0.5)", fit.Ar[0], 0.38, 0.62),
            // seeds 1–10: 0.575 … 0.633 (1–100: 0.532 … 0.666)
            new("seasonal Θ (0.6)", fit.SeasonalMa[0], 0.49, 0.71),
            // seeds 1–10: 2.917 … 3.092 (1–100: 2.665 … 3.193)
            new("seasonal mean (3)", fit.Mean, 2.57, 3.43),
        ];
    }

    /// <summary>
    /// CSS's zero pre-sample errors pull an MA(1) estimate near the invertibility boundary (θ = 0.9)
    /// towards 0 on short series (40 steps); the exact likelihood accounts for the start. Means over 40 series.
    /// </summary>
    public static IReadOnlyList<StatisticalCheck> ShortMaBias(int firstSeed)
    {
        var truth = Truth(new ArimaOrder(0, 0, 1), ma: [0.9]);
        double css = 0, ml = 0;
        const int replications = 40;
        for (int i = 0; i < replications; i++)
        {
            var y = truth.Simulate(40, new Random(firstSeed + i));
            css += ArimaEstimation.Fit([y], new ArimaOrder(0, 0, 1), ArimaMethod.Css).Ma[0] / replications;
            ml += ArimaEstimation.Fit([y], new ArimaOrder(0, 0, 1), ArimaMethod.CssMl).Ma[0] / replications;
        }
        // The test also required ML's mean to be nearer 0.9 than CSS's. It is not at 7 of seeds 1–100 (by up to
        // 0.041): ML moves the estimates up as it should but then piles some at the invertibility boundary θ = 1
        // and overshoots. What holds at every seed is the shift away from zero; ML's mean is checked on its own.
        return
        [
            // seeds 1–10: 0.055 … 0.084 (1–100: 0.035 … 0.103)
            StatisticalCheck.AtLeast("mean θ̂: ML minus CSS", ml - css, 0.02),
            // seeds 1–10: 0.891 … 0.945 (1–100: 0.867 … 0.947)
            new("mean θ̂ by ML (0.9)", ml, 0.84, 0.97),
        ];
    }

    /// <summary>AIC with ML, on ARMA(1,1) with φ = 0.7, θ = −0.5 over 800 steps, ranks the true order near the best.</summary>
    public static IReadOnlyList<StatisticalCheck> AicOrder(int seed)
    {
        var order = new ArimaOrder(1, 0, 1);
        var y = Truth(order, ar: [0.7], ma: [-0.5]).Simulate(800, new Random(seed));
        var selection = ArimaEstimation.Select([y], new ArimaSearch { Period = 0 }, ArimaMethod.CssMl);
        Assert.All(selection.Candidates, c => Assert.Equal(800, c.Observations));
        Assert.All(selection.Candidates, c => Assert.Equal(ArimaMethod.CssMl, c.Method));
        return
        [
            // The test required ARMA(1,1) itself. With φ = 0.7 and θ = −0.5 the AR and MA parts nearly cancel, and
            // AR(2), MA(2) or ARMA(2,2) won at 20 of seeds 1–100 (3 and 10 of 1–10); the fitted ARMA(1,1)'s
            // likelihood was never below the true parameters', so the search is sound and the data ambiguous.
            // seeds 1–10: 0 … 2.5 (1–100: 0 … 10.0)
            StatisticalCheck.AtMost("ARMA(1,1)'s AIC above the best", selection.Candidates.Single(c => c.Order == order).Aic - selection.Best.Aic, 12),
        ];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) =>
    [
        .. Ar2AndMa1(seed, 1000 + seed), .. Seasonal(seed), .. ShortMaBias(10_000 + 40 * seed), .. AicOrder(seed),
    ];
}

/// <summary>Exact ML estimation's checks at seeds 1–10 (the simulated series).</summary>
public sealed class ArimaMaximumLikelihoodSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(ArimaMaximumLikelihoodChecks.All, output.WriteLine);
}
