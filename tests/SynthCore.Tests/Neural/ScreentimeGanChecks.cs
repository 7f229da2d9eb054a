using Microsoft.Data.Analysis;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>
/// What <see cref="ScreentimeGanFixture"/>'s 2,000-step fit must reproduce of the real screen-time
/// table, with the tolerances its seed sweep calibrated (rerun with <see cref="SeedSweep"/>'s
/// command after changing the fit).
/// </summary>
public static class ScreentimeGanChecks
{
    public static IReadOnlyList<StatisticalCheck> Measure(DataFrame real, DataFrame synthetic, IFittedSynthesizer model)
    {
        // Seeds 1–10: means 0.001 … 0.055, deviations 0.001 … 0.087 over the three columns; the
        // correlation gap 0.044 … 0.111 after 2,000 steps (0.03 after the default 10,000; the real
        // correlation's own standard error on 200 rows is ~0.025).
        var checks = Marginals(real, synthetic, relative: 0.15, correlation: 0.13).ToList();
        var realShares = GanStatisticsTests.Shares(real, "App");
        var syntheticShares = GanStatisticsTests.Shares(synthetic, "App");
        // Seeds 1–10: 0.007 … 0.019.
        checks.Add(StatisticalCheck.AtMost("largest app-share gap", realShares.Max(p => Math.Abs(syntheticShares.GetValueOrDefault(p.Key) - p.Value)), 0.04));

        // Real per-app means of Notifications: WhatsApp ~100, Netflix ~0. A generator that ignored
        // the App column would give both the overall mean (~28). Seeds 1–10: Netflix 1.4 … 2.5, WhatsApp 85.9 … 98.5.
        checks.Add(StatisticalCheck.AtMost("Netflix notifications mean, sampled on App", NotificationsOf(model, "Netflix"), 15));
        checks.Add(StatisticalCheck.AtLeast("WhatsApp notifications mean, sampled on App", NotificationsOf(model, "WhatsApp"), 60));
        return checks;
    }

    /// <summary>Each numeric column's mean and standard deviation (relative error), and the Notifications / Times Opened correlation gap.</summary>
    public static IEnumerable<StatisticalCheck> Marginals(DataFrame real, DataFrame synthetic, double relative, double correlation)
    {
        foreach (var column in BundledData.ScreentimeNumbers)
        {
            double[] r = GanStatisticsTests.Numbers(real, column), s = GanStatisticsTests.Numbers(synthetic, column);
            yield return StatisticalCheck.AtMost($"{column} mean, relative error", Math.Abs(Mean(s) - Mean(r)) / Math.Abs(Mean(r)), relative);
            yield return StatisticalCheck.AtMost($"{column} std, relative error", Math.Abs(Std(s) - Std(r)) / Math.Abs(Std(r)), relative);
        }
        yield return StatisticalCheck.AtMost("Notifications/Times Opened correlation gap",
            Math.Abs(NotificationsTimesOpened(synthetic) - NotificationsTimesOpened(real)), correlation);
    }

    public static double NotificationsTimesOpened(DataFrame table) =>
        Correlation(GanStatisticsTests.Numbers(table, "Notifications"), GanStatisticsTests.Numbers(table, "Times Opened"));

    private static double NotificationsOf(IFittedSynthesizer model, string app) =>
        Mean(GanStatisticsTests.Numbers(model.Sample(300, new SampleConditions([new EqualsCondition("App", app)]), seed: 3), "Notifications"));
}

/// <summary>The screen-time GAN's checks at seeds 1–10 (slow: a 2,000-step fit per seed).</summary>
public sealed class ScreentimeGanSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed =>
    {
        using var fit = new ScreentimeGanFixture(seed);
        return ScreentimeGanChecks.Measure(fit.Real, fit.Synthetic, fit.Model);
    }, output.WriteLine);
}
