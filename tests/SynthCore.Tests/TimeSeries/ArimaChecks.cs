using SynthCore.Data.Sequences;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// What ARIMA estimation must recover from simulated series of known models, with the tolerances its
/// seed sweep calibrated (a seed seeds the simulated series; the range each check took over seeds 1–10
/// is in the comments, then over seeds 1–100; rerun with <see cref="SeedSweep"/>'s command after
/// changing the estimation). A chosen order or period is a check too: 1 when right, 0 when wrong.
/// </summary>
public static class ArimaChecks
{
    public static double[] Simulate(ArimaModel truth, int length, int seed, double[]? anchor = null) =>
        truth.Simulate(length, new Random(seed), anchor);

    public static ArimaModel Truth(ArimaOrder order, double[]? ar = null, double[]? ma = null, double[]? sar = null, double[]? sma = null, double mean = 0, double sigma2 = 1) =>
        new(order, ar ?? [], ma ?? [], sar ?? [], sma ?? [], mean, sigma2, 0, 0, 0);

    private static StatisticalCheck Right(string name, bool right) => new(name, right ? 1 : 0, 1, 1);

    /// <summary>AR(2) with φ = (0.5, −0.3), mean 10, σ² = 1, 3,000 steps.</summary>
    public static IReadOnlyList<StatisticalCheck> Ar2(int seed)
    {
        var y = Simulate(Truth(new ArimaOrder(2, 0, 0), ar: [0.5, -0.3], mean: 10), 3000, seed);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(2, 0, 0));
        // About four standard errors each (φ: √((1 − φ₂²)/n) = 0.017; mean 0.023; σ²: √(2/n) = 0.026); the φ
        // bounds were ±0.05 (2.9 standard errors), which seeds 61 and 69 broke.
        return
        [
            // seeds 1–10: 0.466 … 0.510 (1–100: 0.450 … 0.536)
            new("AR(2) φ₁ (0.5)", fit.Ar[0], 0.43, 0.57),
            // seeds 1–10: −0.330 … −0.270 (1–100: −0.354 … −0.256)
            new("AR(2) φ₂ (−0.3)", fit.Ar[1], -0.37, -0.23),
            // seeds 1–10: 9.953 … 10.023 (1–100: 9.931 … 10.051)
            new("AR(2) mean (10)", fit.Mean, 9.9, 10.1),
            // seeds 1–10: 0.958 … 1.050 (1–100: 0.926 … 1.072)
            new("AR(2) σ² (1)", fit.Sigma2, 0.9, 1.1),
        ];
    }

    /// <summary>MA(1) with θ = 0.6, 3,000 steps.</summary>
    public static IReadOnlyList<StatisticalCheck> Ma1(int seed)
    {
        var fit = ArimaEstimation.Fit([Simulate(Truth(new ArimaOrder(0, 0, 1), ma: [0.6]), 3000, seed)], new ArimaOrder(0, 0, 1));
        // Standard error √((1 − θ²)/n) = 0.015. seeds 1–10: 0.579 … 0.618 (1–100: 0.559 … 0.633)
        return [new("MA(1) θ (0.6)", fit.Ma[0], 0.55, 0.65)];
    }

    /// <summary>Whether <paramref name="chosen"/> holds every term of <paramref name="truth"/> (and perhaps more).</summary>
    private static bool Nests(ArimaOrder chosen, ArimaOrder truth) =>
        chosen.P >= truth.P && chosen.D == truth.D && chosen.Q >= truth.Q && chosen.SeasonalP >= truth.SeasonalP
        && chosen.SeasonalD == truth.SeasonalD && chosen.SeasonalQ >= truth.SeasonalQ && chosen.Period == truth.Period;

    // AIC is not consistent: a model with one needless term beats the true one whenever that term lowers
    // −2 log L by more than 2, which a χ²₁ does 16 % of the time, per needless term. At seeds 1–100 the
    // chosen order was ARIMA(2,0,1) instead of AR(2) at 33 seeds and had an extra MA term instead of
    // (1,0,0)(1,0,0)12 at 31; the tests required the exact order, which only held at their one seed.
    // So: the chosen order must nest the true one, and the true one's AIC must be close to the best.

    /// <summary>AR(1)×SAR(1)₁₂ with φ = 0.4, Φ = 0.7, 1,500 steps: the period found, the order chosen, the coefficients.</summary>
    public static IReadOnlyList<StatisticalCheck> SeasonalAr(int seed)
    {
        var order = new ArimaOrder(1, 0, 0, 1, 0, 0, 12);
        var truth = Truth(order, ar: [0.4], sar: [0.7], mean: 5);
        var selection = ArimaEstimation.Select([Simulate(truth, 1500, seed)], new ArimaSearch { MaxP = 1, MaxQ = 1 });
        var fit = selection.Candidates.SingleOrDefault(c => c.Order == order);
        return
        [
            // seeds 1–10 and 1–100: always right
            Right("seasonal: period 12 detected", selection.Period == 12),
            // seeds 1–10 and 1–100: always right
            Right("seasonal: chosen order nests (1,0,0)(1,0,0)12", Nests(selection.Best.Order, order)),
            // seeds 1–10: 0 … 2.0 (1–100: 0 … 3.5)
            StatisticalCheck.AtMost("seasonal: true order's AIC above the best", fit is null ? double.NaN : fit.Aic - selection.Best.Aic, 6),
            // Standard error about 0.02; was ±0.06, which seeds 1–100 came within 0.004 of.
            // seeds 1–10: 0.357 … 0.424 (1–100: 0.352 … 0.456)
            new("seasonal: φ (0.4)", fit?.Ar[0] ?? double.NaN, 0.32, 0.48),
            // seeds 1–10: 0.666 … 0.727 (1–100: 0.660 … 0.738)
            new("seasonal: Φ (0.7)", fit?.SeasonalAr[0] ?? double.NaN, 0.64, 0.76),
        ];
    }

    /// <summary>AIC picks AR(2) for φ = (0.6, −0.3) over 2,000 steps, among 9 candidates, or a model nesting it by a small margin.</summary>
    public static IReadOnlyList<StatisticalCheck> AicOrder(int seed)
    {
        var order = new ArimaOrder(2, 0, 0);
        var selection = ArimaEstimation.Select([Simulate(Truth(order, ar: [0.6, -0.3]), 2000, seed)], new ArimaSearch { Period = 0 });
        Assert.Equal(9, selection.Candidates.Count);
        return
        [
            // seeds 1–10 and 1–100: always right
            Right("AIC's choice nests AR(2)", Nests(selection.Best.Order, order)),
            // A gap of 8 is −2 log L lower by 10 for one extra term: p = 0.002 under the true model.
            // seeds 1–10: 0 … 5.1 (1–100: 0 … 5.9)
            StatisticalCheck.AtMost("AR(2)'s AIC above the best", selection.Candidates.Single(c => c.Order == order).Aic - selection.Best.Aic, 8),
        ];
    }

    /// <summary>ARIMA(1,1,0) with φ = 0.5 over 2,000 steps: differenced once, φ recovered.</summary>
    public static IReadOnlyList<StatisticalCheck> RandomWalk(int seed)
    {
        var y = Simulate(Truth(new ArimaOrder(1, 1, 0), ar: [0.5]), 2000, seed, anchor: [0.0]);
        var selection = ArimaEstimation.Select([y], new ArimaSearch { Period = 0 });
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(1, 1, 0));
        return
        [
            // seeds 1–10 and 1–100: always right
            Right("random walk: differenced once", selection.Best.Order.D == 1),
            // Standard error √((1 − φ²)/n) = 0.019. seeds 1–10: 0.477 … 0.520 (1–100: 0.456 … 0.540)
            new("ARIMA(1,1,0) φ (0.5)", fit.Ar[0], 0.43, 0.57),
        ];
    }

    /// <summary>90 % intervals of ARMA(1,1) forecasts, 10 steps ahead over 300 simulated paths, cover about 90 %.</summary>
    public static IReadOnlyList<StatisticalCheck> ForecastCoverage(int fitSeed, int pathSeed)
    {
        var truth = Truth(new ArimaOrder(1, 0, 1), ar: [0.7], ma: [0.3], mean: 2);
        var fit = ArimaEstimation.Fit([Simulate(truth, 2000, fitSeed)], new ArimaOrder(1, 0, 1));
        int covered = 0, total = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var path = Simulate(truth, 210, seed: pathSeed + trial);
            var forecast = fit.Forecast(path[..200], 10, 0.9);
            for (int h = 0; h < 10; h++, total++)
                if (path[200 + h] >= forecast.Lower[h] && path[200 + h] <= forecast.Upper[h]) covered++;
            Assert.True(forecast.StandardError[9] > forecast.StandardError[0]);
        }
        // seeds 1–10: 0.881 … 0.914 (1–100: 0.875 … 0.925)
        return [new("90 % forecast interval coverage", (double)covered / total, 0.86, 0.94)];
    }

    /// <summary>An AR(2) fitted to 4,000 steps simulates 20,000 with the series' mean, variance and autocorrelations.</summary>
    public static IReadOnlyList<StatisticalCheck> Simulation(int dataSeed, int simulationSeed)
    {
        var truth = Truth(new ArimaOrder(2, 0, 0), ar: [0.5, 0.2], mean: 3, sigma2: 2);
        var y = Simulate(truth, 4000, dataSeed);
        var fit = ArimaEstimation.Fit([y], new ArimaOrder(2, 0, 0));
        var synthetic = fit.Simulate(20_000, new Random(simulationSeed));
        double Var(double[] x) => MathNet.Numerics.Statistics.Statistics.Variance(x);
        var acfReal = Correlations.Acf(y, 5);
        var acfSynth = Correlations.Acf(synthetic, 5);
        return
        [
            // seeds 1–10: −0.057 … 0.025 (1–100: −0.095 … 0.071)
            new("simulated mean minus the series'", synthetic.Average() - y.Average(), -0.15, 0.15),
            // seeds 1–10: 0.979 … 1.010 (1–100: 0.965 … 1.045)
            new("simulated variance / the series'", Var(synthetic) / Var(y), 0.85, 1.15),
            // Was per lag ±0.06, which seed 71 broke (0.070). seeds 1–10: 0.008 … 0.034 (1–100: 0.005 … 0.070)
            StatisticalCheck.AtMost("largest ACF difference, lags 1–5", Enumerable.Range(1, 5).Max(lag => Math.Abs(acfSynth[lag] - acfReal[lag])), 0.08),
        ];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) =>
    [
        .. Ar2(seed), .. Ma1(seed), .. SeasonalAr(seed), .. AicOrder(seed), .. RandomWalk(seed),
        .. ForecastCoverage(seed, 1000 * seed), .. Simulation(seed, 100 + seed),
    ];
}

/// <summary>ARIMA estimation's checks at seeds 1–10 (the simulated series).</summary>
public sealed class ArimaSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(ArimaChecks.All, output.WriteLine);
}
