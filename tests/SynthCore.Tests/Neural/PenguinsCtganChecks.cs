using Microsoft.Data.Analysis;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>
/// What <see cref="PenguinsCtganFixture"/>'s fit must reproduce of the real penguins, with the
/// tolerances its seed sweep calibrated (the range each took over seeds 1–10 is in the comments;
/// rerun with <see cref="SeedSweep"/>'s command after changing the fit).
/// </summary>
public static class PenguinsCtganChecks
{
    public static IReadOnlyList<StatisticalCheck> Measure(PenguinsCtganFixture fit)
    {
        var checks = PenguinsMarginals.Measure(fit.Real, fit.Synthetic).ToList();
        // Seeds 1–10: 0.079 … 0.147 (the synthetic correlation is always the lower; real 0.871).
        checks.Add(StatisticalCheck.AtMost("flipper/body-mass correlation gap",
            Math.Abs(PairCorrelation(fit.Real) - PairCorrelation(fit.Synthetic)), 0.17));

        // Real: Gentoo ~5076 g, Adelie ~3701 g, overall ~4202 g. Seeds 1–10: Gentoo 5071 … 5270, Adelie 3601 … 3760.
        checks.Add(StatisticalCheck.AtLeast("Gentoo body mass, sampled on Species", MassOf(fit, "Gentoo"), 4500));
        checks.Add(StatisticalCheck.AtMost("Adelie body mass, sampled on Species", MassOf(fit, "Adelie"), 4100));
        return checks;
    }

    private static double MassOf(PenguinsCtganFixture fit, string species) =>
        Mean(Numbers(fit.Model.Sample(400, new SampleConditions([new EqualsCondition("Species", species)]), seed: 5), "Body Mass (g)"));

    private static double PairCorrelation(DataFrame table)
    {
        var pairs = Enumerable.Range(0, (int)table.Rows.Count)
            .Select(r => (table["Flipper Length (mm)"][r], table["Body Mass (g)"][r]))
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (Convert.ToDouble(p.Item1), Convert.ToDouble(p.Item2))).ToArray();
        return Correlation(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
    }
}

/// <summary>The penguins CTGAN's checks at seeds 1–10 (slow: a 300-epoch fit per seed).</summary>
public sealed class PenguinsCtganSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed =>
    {
        using var fit = new PenguinsCtganFixture(seed);
        return PenguinsCtganChecks.Measure(fit);
    }, output.WriteLine);
}
