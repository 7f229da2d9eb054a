using SynthCore.Data;
using SynthCore.Evaluation.Detection;
using SynthCore.Tests.Sweeps;

namespace SynthCore.Tests.Evaluation.Detection;

public sealed class DetectionTests
{
    [Fact]
    public void Real_against_real_is_near_chance() => StatisticalCheck.AssertAll(DetectionChecks.RealAgainstReal(1));

    [Fact]
    public void Shuffled_columns_are_told_apart_by_the_trees() => StatisticalCheck.AssertAll(DetectionChecks.ShuffledColumns(1));

    [Fact]
    public void A_shifted_column_is_detected_and_named() => StatisticalCheck.AssertAll(DetectionChecks.ShiftedColumn(1));

    [Fact]
    public void Same_seed_same_report_and_the_score_follows_sdmetrics()
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var options = new DetectionOptions { Seed = 3, Folds = 3 };
        var first = SynthCore.Evaluation.Detection.Detection.Run(penguins, penguins, metadata, options);
        var again = SynthCore.Evaluation.Detection.Detection.Run(penguins, penguins, metadata, options);
        Assert.Equal(first.Logistic.Auc, again.Logistic.Auc);
        Assert.Equal(first.BoostedTrees.FoldAucs, again.BoostedTrees.FoldAucs);
        Assert.Equal((344, 3), (first.RowsPerTable, first.BoostedTrees.FoldAucs.Count));
        Assert.Equal(1 - (2 * Math.Max(first.Logistic.Auc, 0.5) - 1), first.Logistic.Score, 12);
        Assert.InRange(first.Logistic.Score, 0, 1);
    }

    [Fact]
    public void Bad_options_and_tiny_tables_name_the_problem()
    {
        var (penguins, metadata) = SynthCore.Tests.BundledData.Load("penguins.csv");
        var folds = Assert.Throws<SynthOptionException>(() => SynthCore.Evaluation.Detection.Detection.Run(penguins, penguins, metadata, new DetectionOptions { Folds = 1 }));
        Assert.Contains("folds", folds.Message);
        var tiny = penguins.Head(6);
        var small = Assert.Throws<SynthException>(() => SynthCore.Evaluation.Detection.Detection.Run(penguins, tiny, metadata));
        Assert.Contains("at least 10 rows", small.Message);
    }
}
