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
