using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;

namespace SynthCore.Tests.Evaluation;

public class TableComparisonTests
{
    private static TableMetadata Metadata(params (string Name, ColumnKind Kind)[] columns) =>
        new(columns.Select(c => new ColumnMetadata(c.Name, c.Kind, 0, 4, 4)));

    [Fact]
    public void Numeric_summaries_similarity_and_ks()
    {
        var real = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4 }));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 3, 4, 5, 6 }));
        var result = TableComparison.Compare(real, synthetic, Metadata(("x", ColumnKind.Continuous)));

        var x = Assert.Single(result.Numeric);
        Assert.Equal(2.5, x.Real.Mean!.Value, 12);
        Assert.Equal(4.5, x.Synthetic.Mean!.Value, 12);
        // Sample std of 1..4: sqrt(5/3).
        Assert.Equal(Math.Sqrt(5.0 / 3), x.Real.Std!.Value, 12);
        Assert.Equal(1, x.Real.Min);
        Assert.Equal(6, x.Synthetic.Max);
        // 100 × (1 − |2.5 − 4.5| / 2.5) = 20.
        Assert.Equal(20, x.SimilarityPercent!.Value, 10);
        Assert.Equal(0.5, x.Ks!.Statistic, 12);
    }

    [Fact]
    public void The_toolkit_figures_medians_std_ratio_ks_pass_and_correlation_rmse()
    {
        // x: synthetic shifted by 2 with the same spread; y: synthetic with twice the spread and the same mean.
        var real = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4 }), new DoubleDataFrameColumn("y", new double[] { 2, 4, 6, 8 }));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 3, 4, 5, 6 }), new DoubleDataFrameColumn("y", new double[] { 11, 7, 3, -1 }));
        var result = TableComparison.Compare(real, synthetic, Metadata(("x", ColumnKind.Continuous), ("y", ColumnKind.Continuous)));

        var x = result.Numeric[0];
        Assert.Equal((2.5, 4.5), (x.Real.Median!.Value, x.Synthetic.Median!.Value));
        Assert.Equal(2.0, x.MedianAbsoluteError!.Value, 12);
        Assert.Equal(1.0, x.StdRatio!.Value, 12);
        Assert.Equal(80.0, x.MeanAbsolutePercentError!.Value, 12); // |2.5 − 4.5| / 2.5
        var y = result.Numeric[1];
        Assert.Equal(0.0, y.MedianAbsoluteError!.Value, 12);
        Assert.Equal(2.0, y.StdRatio!.Value, 12);
        Assert.Equal(0.0, y.MeanAbsolutePercentError!.Value, 12);
        // KS passes when p > 0.05: four values each leave both tests far from rejecting.
        Assert.Equal(x.Ks!.PValue > 0.05, x.KsPasses);
        Assert.Equal(result.Numeric.Count(c => c.KsPasses == true) / 2.0, result.KsPassShare);
        // Real x and y correlate +1, synthetic −1: the one off-diagonal difference is −2.
        Assert.Equal(2.0, result.Correlation.Rmse!.Value, 12);
    }

    [Fact]
    public void Similarity_is_clipped_and_undefined_for_a_zero_real_mean()
    {
        Assert.Equal(0, MeanSimilarity.Percent(1, 5));
        Assert.Equal(100, MeanSimilarity.Percent(-2, -2));
        Assert.Equal(90, MeanSimilarity.Percent(-10, -9)!.Value, 10);
        Assert.Null(MeanSimilarity.Percent(0, 0.1));
        Assert.Null(MeanSimilarity.Percent(null, 1));
    }

    [Fact]
    public void Missing_values_are_skipped_in_summaries()
    {
        var real = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, null, 3, null }));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { null, null, null, null }));
        var x = Assert.Single(TableComparison.Compare(real, synthetic, Metadata(("x", ColumnKind.Integer))).Numeric);
        Assert.Equal(2, x.Real.Count);
        Assert.Equal(2, x.Real.Mean!.Value, 12);
        Assert.Equal(0, x.Synthetic.Count);
        Assert.Null(x.Synthetic.Mean);
        Assert.Null(x.SimilarityPercent);
        Assert.Null(x.Ks);
    }

    [Fact]
    public void Category_frequencies_and_total_variation_distance()
    {
        var real = new DataFrame(new StringDataFrameColumn("c", new[] { "a", "a", "b", null }));
        var synthetic = new DataFrame(new StringDataFrameColumn("c", new[] { "a", "b", "b", "z" }));
        var c = Assert.Single(TableComparison.Compare(real, synthetic, Metadata(("c", ColumnKind.Categorical))).Categorical);

        Assert.Equal("a", c.Frequencies[0].Category);
        Assert.Equal(0.5, c.Frequencies[0].Real, 12);
        Assert.Equal(0.25, c.Frequencies[0].Synthetic, 12);
        var missing = c.Frequencies.Single(f => f.Category is null);
        Assert.Equal(0.25, missing.Real, 12);
        Assert.Equal(0, missing.Synthetic, 12);
        // ½(|.5−.25| + |.25−.5| + |.25−0| + |0−.25|) = .5
        Assert.Equal(0.5, c.TotalVariationDistance, 12);
    }

    [Fact]
    public void Booleans_are_compared_as_categories()
    {
        var real = new DataFrame(new BooleanDataFrameColumn("b", new[] { true, true, false, false }));
        var synthetic = new DataFrame(new BooleanDataFrameColumn("b", new[] { true, true, true, false }));
        var b = Assert.Single(TableComparison.Compare(real, synthetic, Metadata(("b", ColumnKind.Boolean))).Categorical);
        Assert.Equal(0.25, b.TotalVariationDistance, 12);
        Assert.Contains(b.Frequencies, f => f.Category == "true" && f.Synthetic == 0.75);
    }

    [Fact]
    public void Correlation_matrices_difference_and_frobenius_norm()
    {
        // Real: y = x (r = 1). Synthetic: y = −x (r = −1). Difference off-diagonal −2 twice → ‖·‖F = √8.
        var real = new DataFrame(
            new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4 }),
            new DoubleDataFrameColumn("y", new double[] { 2, 4, 6, 8 }));
        var synthetic = new DataFrame(
            new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4 }),
            new DoubleDataFrameColumn("y", new double[] { 8, 6, 4, 2 }));
        var result = TableComparison.Compare(real, synthetic, Metadata(("x", ColumnKind.Continuous), ("y", ColumnKind.Continuous)));

        Assert.Equal(["x", "y"], result.Correlation.Columns);
        Assert.Equal(1, result.Correlation.Real[0][1]!.Value, 12);
        Assert.Equal(-1, result.Correlation.Synthetic[1][0]!.Value, 12);
        Assert.Equal(-2, result.Correlation.Difference[0][1]!.Value, 12);
        Assert.Equal(0, result.Correlation.Difference[0][0]!.Value, 12);
        Assert.Equal(Math.Sqrt(8), result.Correlation.FrobeniusNorm, 12);
    }

    [Fact]
    public void Constant_column_has_no_correlation()
    {
        var real = new DataFrame(
            new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4 }),
            new DoubleDataFrameColumn("k", new double[] { 5, 5, 5, 5 }));
        var result = TableComparison.Compare(real, real, Metadata(("x", ColumnKind.Continuous), ("k", ColumnKind.Integer)));
        Assert.Null(result.Correlation.Real[0][1]);
        Assert.Null(result.Correlation.Difference[1][1]);
        Assert.Equal(0, result.Correlation.FrobeniusNorm, 12);
    }

    [Fact]
    public void Dates_are_compared_as_ticks_and_identifiers_are_skipped()
    {
        var d0 = new DateTime(2024, 1, 1);
        var real = new DataFrame(
            new StringDataFrameColumn("id", new[] { "u1", "u2" }),
            new DateTimeDataFrameColumn("when", new DateTime?[] { d0, d0.AddDays(2) }));
        var synthetic = new DataFrame(
            new StringDataFrameColumn("id", new[] { "u9", "u8" }),
            new DateTimeDataFrameColumn("when", new DateTime?[] { d0, d0.AddDays(4) }));
        var result = TableComparison.Compare(real, synthetic, new TableMetadata([
            new ColumnMetadata("id", ColumnKind.Identifier, 0, 2, 2),
            new ColumnMetadata("when", ColumnKind.Datetime, 0, 2, 2)]));

        Assert.Empty(result.Categorical);
        var when = Assert.Single(result.Numeric);
        Assert.Equal(d0.AddDays(1).Ticks, when.Real.Mean!.Value, 0);
        Assert.Equal(d0.AddDays(2).Ticks, when.Synthetic.Mean!.Value, 0);
    }

    [Fact]
    public void A_column_missing_from_the_synthetic_table_is_named()
    {
        var real = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1, 2 }));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("y", new double[] { 1, 2 }));
        var e = Assert.Throws<SynthColumnException>(() => TableComparison.Compare(real, synthetic, Metadata(("x", ColumnKind.Continuous))));
        Assert.Equal("x", e.Column);
        Assert.Contains("synthetic", e.Message);
    }
}
