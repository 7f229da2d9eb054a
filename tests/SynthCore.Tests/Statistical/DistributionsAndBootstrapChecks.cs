using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Statistical.SampleChecks;

namespace SynthCore.Tests.Statistical;

/// <summary>
/// What the distributions and bootstrap models must reproduce of the bundled tables, with the
/// tolerances their seed sweep calibrated (the range each took over seeds 1–10 is in the comments,
/// then the largest over seeds 1–100; rerun with <see cref="SeedSweep"/>'s command after changing a
/// model). Each measure also asserts what holds by construction (integers, ranges, real rows).
/// </summary>
public static class DistributionsAndBootstrapChecks
{
    public static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledTables.Penguins();
    public static readonly (DataFrame Table, TableMetadata Metadata) Screentime = BundledTables.Screentime();

    public static IFittedSynthesizer Fit(string model, (DataFrame Table, TableMetadata Metadata) data, int seed, params (string, string)[] options) =>
        SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Seed = seed, Extra = options.ToDictionary(o => o.Item1, o => o.Item2) })
            .Fit(data.Table, data.Metadata);

    /// <summary>Fitted marginals sampled independently: each close to its column, the Notifications–Times Opened link gone.</summary>
    public static IReadOnlyList<StatisticalCheck> IndependentDistributions(int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        var model = (CopulaModel)Fit("distributions", Screentime, fitSeed);
        foreach (var (column, (marginal, distribution)) in model.Marginals) output?.WriteLine($"{column}: {marginal} {distribution}");
        Assert.Equal("empirical", model.Marginals["Date"].Marginal);
        Assert.NotEqual("empirical", model.Marginals["Usage (minutes)"].Marginal);
        var sample = model.Sample(3000, seed: sampleSeed);
        var checks = new List<StatisticalCheck>();
        foreach (var column in BundledData.ScreentimeNumbers)
        {
            // Screen-time counts are a mixture over apps: one parametric family fits them only roughly. Times Opened
            // was a truncated normal by AIC (a density scored against masses) with samples at KS 0.19 … 0.21; counts
            // now get a count family first (DistributionFitter.Fit), and its samples are closer.
            // seeds 1–10: Usage 0.064 … 0.090, Notifications 0.053 … 0.066, Times Opened 0.124 … 0.143
            // (before that change, 1–100: ≤ 0.091, ≤ 0.081, ≤ 0.218)
            checks.Add(StatisticalCheck.AtMost($"{column} KS", Ks(Screentime.Table, sample, column), column == "Times Opened" ? 0.18 : 0.12));
            AssertIntegral(sample, column);
        }
        // seeds 1–10: 0.012 … 0.031 (1–100: ≤ 0.039)
        checks.Add(StatisticalCheck.AtMost("App TV", Tv(Screentime.Table, sample, "App"), 0.045));
        // Independent: the strong Notifications–Times Opened link (0.8) is gone.
        // seeds 1–10: −0.016 … 0.018 (1–100: −0.044 … 0.041)
        checks.Add(new StatisticalCheck("Notifications/Times Opened normal-score correlation", NormalScoreCorrelation(sample, "Notifications", "Times Opened"), -0.06, 0.06));
        AssertNoNaN(sample);
        return checks;
    }

    /// <summary>Marginals ranked by KS instead of AIC: each sample close to its column.</summary>
    public static IReadOnlyList<StatisticalCheck> RankedByKs(int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        var model = (CopulaModel)Fit("distributions", Screentime, fitSeed, ("rank", "ks"));
        var sample = model.Sample(3000, seed: sampleSeed);
        foreach (var column in BundledData.ScreentimeNumbers) output?.WriteLine($"{column}: {model.Marginals[column].Distribution}");
        // Times Opened is a count: a count family ranks first (DistributionFitter.Fit), though a rounded log-normal
        // follows this mixture over apps more closely (its samples were at KS ≤ 0.102 over seeds 1–100).
        // seeds 1–10: Usage 0.064 … 0.090, Notifications 0.053 … 0.066, Times Opened 0.124 … 0.143
        return BundledData.ScreentimeNumbers.Select(column => StatisticalCheck.AtMost($"{column} KS", Ks(Screentime.Table, sample, column), column == "Times Opened" ? 0.18 : 0.12)).ToArray();
    }

    /// <summary>Fitted marginals joined by the copula keep the normal-score correlations.</summary>
    public static IReadOnlyList<StatisticalCheck> JoinedByCopula(int fitSeed, int sampleSeed, int conditionedSeed)
    {
        var model = Fit("distributions", Screentime, fitSeed, ("joint", "copula"));
        var sample = model.Sample(3000, seed: sampleSeed);
        var conditioned = model.Sample(500, new SampleConditions([new EqualsCondition("App", "Netflix")]), seed: conditionedSeed);
        Assert.All(SynthCore.Data.ColumnValues.Labels(conditioned.Columns["App"]), a => Assert.Equal("Netflix", a));
        // The copula's known weakness with tied counts (see GaussianCopulaChecks.ScreentimeSample): was 0.06,
        // which seeds 1 and 8 broke. seeds 1–10: 0.022 … 0.062 (1–100: ≤ 0.085)
        return [StatisticalCheck.AtMost("normal-score correlation, largest difference", MaxNormalScoreCorrelationDifference(Screentime.Table, sample, BundledData.ScreentimeNumbers), 0.1)];
    }

    /// <summary>The plain bootstrap: real rows only, at their frequencies.</summary>
    public static IReadOnlyList<StatisticalCheck> Bootstrap(int fitSeed, int sampleSeed)
    {
        var sample = Fit("bootstrap", Penguins, fitSeed).Sample(2000, seed: sampleSeed);
        var realRows = RowKeys(Penguins.Table);
        Assert.All(RowKeys(sample), row => Assert.Contains(row, realRows));
        var checks = new List<StatisticalCheck>();
        // seeds 1–10: 0.009 … 0.028 (1–100: ≤ 0.041)
        foreach (var column in BundledData.PenguinNumbers) checks.Add(StatisticalCheck.AtMost($"{column} KS", Ks(Penguins.Table, sample, column), 0.05));
        // seeds 1–10: 0.000 … 0.007 (1–100: ≤ 0.009)
        checks.Add(StatisticalCheck.AtMost("Sex missing-rate gap", Math.Abs(MissingRate(sample, "Sex") - MissingRate(Penguins.Table, "Sex")), 0.015));
        return checks;
    }

    /// <summary>The smoothed bootstrap: jittered inside the range, integers kept, marginals and correlations close.</summary>
    public static IReadOnlyList<StatisticalCheck> SmoothedBootstrap(int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        var model = (BootstrapModel)Fit("bootstrap", Penguins, fitSeed, ("smooth", "true"), ("bandwidth", "0.5"));
        var sample = model.Sample(3000, seed: sampleSeed);
        var checks = new List<StatisticalCheck>();
        foreach (var column in BundledData.PenguinNumbers)
        {
            var real = Numbers(Penguins.Table, column);
            var synth = Numbers(sample, column);
            output?.WriteLine($"{column}: bandwidth {model.Bandwidths[column]:F2}");
            // seeds 1–10: 0.016 … 0.039 (1–100: ≤ 0.046)
            checks.Add(StatisticalCheck.AtMost($"{column} KS", Ks(Penguins.Table, sample, column), 0.06));
            Assert.InRange(synth.Min(), real.Min(), real.Max());
            Assert.InRange(synth.Max(), real.Min(), real.Max());
            // Jitter makes values the real column never had (for the continuous beak measurements).
            if (column.StartsWith("Beak", StringComparison.Ordinal)) Assert.True(synth.Distinct().Count() > 2 * real.Distinct().Count());
        }
        AssertIntegral(sample, "Flipper Length (mm)");
        AssertIntegral(sample, "Body Mass (g)");
        // seeds 1–10: 0.011 … 0.035 (1–100: ≤ 0.045)
        checks.Add(StatisticalCheck.AtMost("normal-score correlation, largest difference", MaxNormalScoreCorrelationDifference(Penguins.Table, sample, BundledData.PenguinNumbers), 0.06));
        return checks;
    }

    /// <summary>Every measure at one seed: the fits at <paramref name="seed"/>, their samples at seeds derived from it.</summary>
    public static IReadOnlyList<StatisticalCheck> All(int seed)
    {
        static IEnumerable<StatisticalCheck> Named(string part, IEnumerable<StatisticalCheck> checks) => checks.Select(c => c with { Name = $"{part}: {c.Name}" });
        return
        [
            .. Named("independent", IndependentDistributions(seed, 100 + seed)),
            .. Named("ranked by KS", RankedByKs(seed, 100 + seed)),
            .. Named("copula joint", JoinedByCopula(seed, 100 + seed, 200 + seed)),
            .. Named("bootstrap", Bootstrap(seed, 300 + seed)),
            .. Named("smoothed", SmoothedBootstrap(seed, 300 + seed)),
        ];
    }

    public static HashSet<string> RowKeys(DataFrame table) =>
        Enumerable.Range(0, (int)table.Rows.Count).Select(r => string.Join("|", table.Columns.Select(c => c[r]?.ToString() ?? ""))).ToHashSet();
}

/// <summary>The distributions and bootstrap models' checks at seeds 1–10 (fit and sample seeds).</summary>
public sealed class DistributionsAndBootstrapSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(DistributionsAndBootstrapChecks.All, output.WriteLine);
}
