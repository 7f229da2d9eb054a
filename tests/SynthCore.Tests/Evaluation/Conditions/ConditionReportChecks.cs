using SynthCore.Evaluation.Conditions;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Evaluation.Conditions;

/// <summary>
/// Conditioned sampling on penguins, measured by the condition report: every row meets the conditions, and each
/// numeric column's KS against the real rows that meet them stays below what the seed sweep calibrated (ranges over
/// seeds 1–20 in the comments; rerun with <see cref="SeedSweep"/>'s command and SYNTH_SEED_SWEEP=1-20 after changing a model).
/// </summary>
public static class ConditionReportChecks
{
    private const int Rows = 1000;

    /// <summary>CART, Gentoo penguins of 4.5 to 5.5 kg: its trees carry what the species and the mass say of the rest.</summary>
    public static IReadOnlyList<StatisticalCheck> Cart(int fitSeed, int sampleSeed, ITestOutputHelper? output = null) =>
        Measure("cart", fitSeed, sampleSeed, output,
            [new EqualsCondition("Species", "Gentoo"), new RangeCondition("Body Mass (g)", 4500, 5500)],
            // seeds 1–20 (CART's defaults: √rows leaves, smoothed numbers): Body Mass 0.059 … 0.075, Beak Length 0.054 … 0.085,
            // Beak Depth 0.044 … 0.086, Flipper Length 0.036 … 0.089 (synthpop's 5-row leaves of real values: 0.010 … 0.066)
            new() { ["Body Mass (g)"] = 0.11, ["Beak Length (mm)"] = 0.12, ["Beak Depth (mm)"] = 0.12, ["Flipper Length (mm)"] = 0.13 });

    /// <summary>The Gaussian copula, penguins of Biscoe and Dream with flippers of at least 200 mm.</summary>
    public static IReadOnlyList<StatisticalCheck> Copula(int fitSeed, int sampleSeed, ITestOutputHelper? output = null) =>
        Measure("copula", fitSeed, sampleSeed, output,
            [new OneOfCondition("Island", ["Biscoe", "Dream"]), new RangeCondition("Flipper Length (mm)", 200, null)],
            // seeds 1–20: Flipper Length 0.014 … 0.044, Body Mass 0.066 … 0.116, Beak Length 0.113 … 0.148, Beak Depth 0.218 … 0.278.
            // Long flippers mean Gentoo, whose beaks are shallow: a species cluster the copula's one Gaussian dependence
            // cannot draw (GaussianCopulaChecks), so the columns it follows from are held to what the copula does.
            new() { ["Flipper Length (mm)"] = 0.08, ["Body Mass (g)"] = 0.17, ["Beak Length (mm)"] = 0.20, ["Beak Depth (mm)"] = 0.35 });

    private static IReadOnlyList<StatisticalCheck> Measure(string model, int fitSeed, int sampleSeed, ITestOutputHelper? output,
        ColumnCondition[] asked, Dictionary<string, double> maxKs)
    {
        var (real, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var conditions = new SampleConditions(asked);
        var fitted = SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Seed = fitSeed }).Fit(real, metadata);
        var synthetic = fitted.Sample(Rows, conditions, sampleSeed);
        var report = ConditionReport.Measure(synthetic, conditions, metadata, real);
        Assert.Equal(Rows, report.SyntheticRows);
        Assert.True(report.RealMeeting > 30, $"only {report.RealMeeting} real rows meet the conditions");
        var checks = new List<StatisticalCheck> { StatisticalCheck.AtLeast("share of rows meeting the conditions", report.Share, 1.0) };
        foreach (var column in report.Columns)
        {
            output?.WriteLine($"{model} seed {fitSeed}: {column.Column} KS {column.Ks.Statistic:0.000} ({column.RealRows} real rows)");
            checks.Add(StatisticalCheck.AtMost($"{column.Column}{(column.Conditioned ? " (conditioned)" : "")} KS", column.Ks.Statistic, maxKs[column.Column]));
        }
        Assert.Equal(maxKs.Keys.Order(), report.Columns.Select(c => c.Column).Order());
        return checks;
    }
}

/// <summary>The conditioned CART's and copula's checks at the swept seeds (fit and sample seeds).</summary>
public sealed class ConditionReportSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Cart_holds_at_every_seed() => SeedSweep.Run(seed => ConditionReportChecks.Cart(seed, 100 + seed), output.WriteLine);

    [SeedSweepFact]
    public void Copula_holds_at_every_seed() => SeedSweep.Run(seed => ConditionReportChecks.Copula(seed, 100 + seed), output.WriteLine);
}
