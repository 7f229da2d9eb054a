using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Metrics;
using SynthCore.Evaluation.Reports;
using static SynthCore.Tests.Evaluation.Columns;

namespace SynthCore.Tests.Evaluation;

public class QualityReportTests
{
    internal static TableMetadata Metadata(DataFrame table, params (string Name, ColumnKind Kind)[] kinds) =>
        new(kinds.Select(k => new ColumnMetadata(k.Name, k.Kind, 0, (int)table.Rows.Count, 0)));

    [Fact]
    public void Score_is_the_mean_of_the_property_means_and_identifiers_are_skipped()
    {
        var real = new DataFrame(Num("id", 1, 2), Num("x", 0, 10), Cat("c", "a", "b"));
        var synthetic = new DataFrame(Num("id", 1, 1), Num("x", 0, 10), Cat("c", "b", "a"));
        var metadata = Metadata(real, ("id", ColumnKind.Identifier), ("x", ColumnKind.Continuous), ("c", ColumnKind.Categorical));

        var report = QualityReport.Generate(real, synthetic, metadata);

        // Each column on its own is identical; the pair is swapped: real cells (bin 1, a), (bin 11, b),
        // synthetic (bin 1, b), (bin 11, a), so the contingency tables share nothing.
        Assert.Equal(new[] { ("x", "KSComplement", 1.0), ("c", "TVComplement", 1.0) },
            report.ColumnShapes.Select(d => (d.Column, d.Metric, d.Score)));
        var pair = Assert.Single(report.ColumnPairTrends);
        Assert.Equal(("x", "c", "ContingencySimilarity", 0.0), (pair.Column1, pair.Column2, pair.Metric, pair.Score));
        Assert.Equal(new[] { new PropertyScore("Column Shapes", 1), new PropertyScore("Column Pair Trends", 0) }, report.Properties);
        Assert.Equal(0.5, report.Score, 12);
        Assert.Equal(50, report.Score100, 10);
    }

    [Fact]
    public void Pairs_that_cannot_be_scored_keep_their_reason_and_are_left_out_of_the_mean()
    {
        var real = new DataFrame(Num("x", 1, 2, 3), Num("y", 1, 2, 3), Num("z", 5, 5, 5));
        var metadata = Metadata(real, ("x", ColumnKind.Continuous), ("y", ColumnKind.Continuous), ("z", ColumnKind.Integer));

        var report = QualityReport.Generate(real, real.Clone(), metadata);

        Assert.Equal(3, report.ColumnPairTrends.Count);
        var xy = report.ColumnPairTrends[0];
        Assert.Equal((1.0, 1.0, 1.0), (xy.Score, xy.RealCorrelation!.Value, xy.SyntheticCorrelation!.Value));
        Assert.All(report.ColumnPairTrends.Skip(1), d =>
        {
            Assert.True(double.IsNaN(d.Score));
            Assert.Contains("'z'", d.Error);
        });
        Assert.Equal(1, report.PropertyScore("Column Pair Trends"), 12);
        Assert.Equal(1, report.Score, 12);
    }

    [Fact]
    public void A_property_without_any_score_is_NaN_and_the_overall_score_uses_the_other()
    {
        var real = new DataFrame(Cat("c", "a", "a", "b", "b"));
        var synthetic = new DataFrame(Cat("c", "a", "a", "a", "b"));

        var report = QualityReport.Generate(real, synthetic, Metadata(real, ("c", ColumnKind.Categorical)));

        Assert.Empty(report.ColumnPairTrends);
        Assert.True(double.IsNaN(report.PropertyScore("Column Pair Trends")));
        Assert.Equal(0.75, report.Score, 12);
        Assert.Null(report.CorrelationDifference);
    }

    [Fact]
    public void Binning_on_the_real_range_is_an_option()
    {
        var real = new DataFrame(Num("x", 0, 10), Cat("c", "a", "b"));
        var synthetic = new DataFrame(Num("x", 0, 5), Cat("c", "a", "b"));
        var metadata = Metadata(real, ("x", ColumnKind.Continuous), ("c", ColumnKind.Categorical));

        // SDMetrics bins each table on its own range: both tables give (bin 1, a), (bin 11, b).
        Assert.Equal(1, QualityReport.Generate(real, synthetic, metadata).ColumnPairTrends[0].Score, 12);
        // On the real edges 0, 1, …, 10 the synthetic 5 falls in bin 6: half the mass moves.
        var onRealRange = QualityReport.Generate(real, synthetic, metadata, new QualityReportOptions { BinSyntheticOnRealRange = true });
        Assert.Equal(0.5, onRealRange.ColumnPairTrends[0].Score, 12);
    }

    [Fact]
    public void Spearman_is_an_option()
    {
        var real = new DataFrame(Num("x", 1, 2, 3, 4), Num("y", 1, 4, 9, 100));
        var synthetic = new DataFrame(Num("x", 1, 2, 3, 4), Num("y", 1, 2, 3, 4));
        var metadata = Metadata(real, ("x", ColumnKind.Continuous), ("y", ColumnKind.Continuous));

        var spearman = QualityReport.Generate(real, synthetic, metadata, new QualityReportOptions { Correlation = CorrelationCoefficient.Spearman });
        var pearson = QualityReport.Generate(real, synthetic, metadata);

        Assert.Equal(1, spearman.PropertyScore("Column Pair Trends"), 12);
        Assert.True(pearson.PropertyScore("Column Pair Trends") < 0.95);
    }

    [Fact]
    public void Distribution_extras_are_hand_checkable()
    {
        var real = new DataFrame(Num("x", 1, 2, 3, 4, null), Num("y", 1, 2, 3, 4, 5));
        var synthetic = new DataFrame(Num("x", 2, 3, 4, 5), Num("y", 4, 3, 2, 1));
        var metadata = Metadata(real, ("x", ColumnKind.Continuous), ("y", ColumnKind.Continuous));

        var report = QualityReport.Generate(real, synthetic, metadata);

        var x = report.ColumnDistributions[0];
        Assert.Equal(("x", 2.5, 3.5), (x.Column, x.RealMean, x.SyntheticMean));
        Assert.Equal(Math.Sqrt(5.0 / 3), x.RealStd, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), x.SyntheticStd, 12);
        Assert.Equal(1, x.Wasserstein, 12);     // a shift by 1
        Assert.Equal(0.25, x.KsStatistic, 12);
        Assert.InRange(x.KsPValue, 0.5, 1);     // four values each cannot tell a shift of 1 apart
        // Complete rows: real (1,1)…(4,4) ρ = 1; synthetic (2,4)…(5,1) ρ = −1: ‖[[0,2],[2,0]]‖_F = √8.
        Assert.Equal(Math.Sqrt(8), report.CorrelationDifference!.Value, 12);
    }

    [Fact]
    public void Date_distributions_are_in_days()
    {
        var day = new DateTime(2024, 3, 1);
        var real = new DataFrame(Dates("d", day, day.AddDays(2)));
        var synthetic = new DataFrame(Dates("d", day.AddDays(1), day.AddDays(3)));

        var report = QualityReport.Generate(real, synthetic, Metadata(real, ("d", ColumnKind.Datetime)));

        Assert.Equal(1, report.ColumnDistributions[0].Wasserstein, 9);
        Assert.Equal(1, report.ColumnDistributions[0].SyntheticMean - report.ColumnDistributions[0].RealMean, 9);
        Assert.Equal(0.5, report.PropertyScore("Column Shapes"), 12);
    }

    [Fact]
    public void A_metadata_column_missing_from_a_table_is_named()
    {
        var real = new DataFrame(Num("x", 1, 2), Num("Income", 3, 4));
        var synthetic = new DataFrame(Num("x", 1, 2));
        var metadata = Metadata(real, ("x", ColumnKind.Continuous), ("Income", ColumnKind.Continuous));

        var error = Assert.Throws<SynthColumnException>(() => QualityReport.Generate(real, synthetic, metadata));
        Assert.Equal("Income", error.Column);
        Assert.Contains("synthetic", error.Message);
    }

    [Fact]
    public void A_numeric_kind_on_a_text_column_is_named()
    {
        var real = new DataFrame(Cat("Age", "1", "2"));
        var metadata = Metadata(real, ("Age", ColumnKind.Integer));

        var error = Assert.Throws<SynthColumnException>(() => QualityReport.Generate(real, real.Clone(), metadata));
        Assert.Equal("Age", error.Column);
    }
}
