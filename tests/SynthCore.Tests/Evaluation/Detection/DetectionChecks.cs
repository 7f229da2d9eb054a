using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Detection;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Evaluation.Detection;

/// <summary>
/// Detection on penguins: real against real (each classifier must be near chance), against a table whose columns
/// were shuffled independently (correlations broken: the trees must see it), and against real rows with one column
/// shifted (the classifiers must see it and name that column). A seed seeds the split, the shuffles and the
/// detection; the ranges come from the seed sweep (seeds 1–20, in the comments; docs/seed-sweeps.md).
/// </summary>
public static class DetectionChecks
{
    private const string Mass = "Body Mass (g)";

    public static IReadOnlyList<StatisticalCheck> RealAgainstReal(int seed)
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var (first, second) = Halves(penguins, seed);
        var report = SynthCore.Evaluation.Detection.Detection.Run(first, second, metadata, new DetectionOptions { Seed = seed });
        return
        [
            // seeds 1–20: 0.419 … 0.559 and 0.431 … 0.571 (172 rows of each: chance alone spreads the AUC that wide)
            new("real vs real: logistic AUC", report.Logistic.Auc, 0.35, 0.65),
            new("real vs real: boosted-trees AUC", report.BoostedTrees.Auc, 0.35, 0.65),
        ];
    }

    public static IReadOnlyList<StatisticalCheck> ShuffledColumns(int seed)
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var random = new Random(seed);
        var shuffled = new DataFrame(penguins.Columns.Select(column =>
        {
            var order = Enumerable.Range(0, (int)column.Length).ToArray();
            random.Shuffle(order);
            return column.Clone(new Int32DataFrameColumn("rows", order.Select(i => (int?)i)));
        }));
        var report = SynthCore.Evaluation.Detection.Detection.Run(penguins, shuffled, metadata, new DetectionOptions { Seed = seed });
        // seeds 1–20: 0.959 … 0.983
        return [StatisticalCheck.AtLeast("shuffled columns: boosted-trees AUC", report.BoostedTrees.Auc, 0.9)];
    }

    public static IReadOnlyList<StatisticalCheck> ShiftedColumn(int seed)
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var (first, second) = Halves(penguins, seed);
        var shifted = second.Clone();
        shifted.Columns[Mass] = new DoubleDataFrameColumn(Mass, Enumerable.Range(0, (int)second.Rows.Count)
            .Select(i => second.Columns[Mass][i] is { } v ? Convert.ToDouble(v) + 400 : (double?)null));
        var report = SynthCore.Evaluation.Detection.Detection.Run(first, shifted, metadata, new DetectionOptions { Seed = seed });
        Assert.All(report.Scores, s => Assert.Equal(Mass, s.TopColumns[0].Column));
        return
        [
            // seeds 1–20: 0.781 … 0.855, 0.663 … 0.811, 0.460 … 0.702
            StatisticalCheck.AtLeast("shifted mass: logistic AUC", report.Logistic.Auc, 0.7),
            StatisticalCheck.AtLeast("shifted mass: boosted-trees AUC", report.BoostedTrees.Auc, 0.6),
            StatisticalCheck.AtLeast("shifted mass: boosted trees' share on mass", report.BoostedTrees.TopColumns[0].Share, 0.3),
        ];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) => [.. RealAgainstReal(seed), .. ShuffledColumns(seed), .. ShiftedColumn(seed)];

    private static (DataFrame First, DataFrame Second) Halves(DataFrame table, int seed)
    {
        var order = Enumerable.Range(0, (int)table.Rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        DataFrame Rows(IEnumerable<int> rows) => table[new Int32DataFrameColumn("rows", rows.Order().Select(i => (int?)i))];
        return (Rows(order.Take(order.Length / 2)), Rows(order.Skip(order.Length / 2)));
    }
}

public sealed class DetectionSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(DetectionChecks.All, output.WriteLine);
}
