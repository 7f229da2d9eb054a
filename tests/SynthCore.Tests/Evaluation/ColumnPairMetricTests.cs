using SynthCore.Evaluation.Metrics;
using static SynthCore.Tests.Evaluation.Columns;

namespace SynthCore.Tests.Evaluation;

public class ColumnPairMetricTests
{
    private static ColumnPair Pair(Microsoft.Data.Analysis.DataFrameColumn a, Microsoft.Data.Analysis.DataFrameColumn b) => new(a, b);

    [Fact]
    public void CorrelationSimilarity_of_opposite_correlations_is_zero_and_of_equal_ones_is_one()
    {
        var metric = new CorrelationSimilarity();
        var real = Pair(Num("x", 1, 2, 3, 4), Num("y", 1, 2, 3, 4));
        var opposite = metric.ComputeBreakdown(real, Pair(Num("x", 1, 2, 3, 4), Num("y", 4, 3, 2, 1)));
        Assert.Equal(0, opposite.Result.Score, 12);
        Assert.Equal(1, opposite.Real!.Value, 12);
        Assert.Equal(-1, opposite.Synthetic!.Value, 12);
        Assert.Equal(1, metric.Compute(real, Pair(Num("x", 2, 4, 6, 8), Num("y", 10, 20, 30, 40))).Score, 12);
    }

    [Fact]
    public void CorrelationSimilarity_drops_rows_where_either_column_is_missing()
    {
        // Without the incomplete row (x missing, y = 100) y = 2x exactly.
        var real = Pair(Num("x", 1, 2, 3, null, 4), Num("y", 2, 4, 6, 100, 8));
        // Synthetic ρ = 0: x = 1,2,3 against y = 1,0,1 (and a row with y missing).
        var synthetic = Pair(Num("x", 1, 2, 3, 9), Num("y", 1, 0, 1, null));
        var result = new CorrelationSimilarity().ComputeBreakdown(real, synthetic);
        Assert.Equal(1, result.Real!.Value, 12);
        Assert.Equal(0, result.Synthetic!.Value, 12);
        Assert.Equal(0.5, result.Result.Score, 12);
    }

    [Fact]
    public void CorrelationSimilarity_with_Spearman_compares_ranks()
    {
        var real = Pair(Num("x", 1, 2, 3, 4), Num("y", 1, 4, 9, 100));
        var synthetic = Pair(Num("x", 1, 2, 3, 4), Num("y", 1, 2, 3, 4));
        Assert.Equal(1, new CorrelationSimilarity(CorrelationCoefficient.Spearman).Compute(real, synthetic).Score, 12);
        Assert.True(new CorrelationSimilarity(CorrelationCoefficient.Pearson).Compute(real, synthetic).Score < 0.95);
    }

    [Fact]
    public void CorrelationSimilarity_of_a_constant_column_is_not_applicable_and_names_it()
    {
        var result = new CorrelationSimilarity().ComputeBreakdown(
            Pair(Num("x", 1, 2, 3), Num("y", 1, 2, 4)), Pair(Num("x", 1, 2, 3), Num("y", 5, 5, null)));
        Assert.False(result.Result.IsComputed);
        Assert.Null(result.Real);
        Assert.Contains("synthetic data in column 'y'", result.Result.Error);
    }

    [Fact]
    public void ContingencySimilarity_is_one_minus_the_total_variation_of_the_two_way_tables()
    {
        // Real: four cells at .25; synthetic: (a,x) and (b,y) at .5. TV = 4 × .25 / 2.
        var result = new ContingencySimilarity().Compute(
            Pair(Cat("c", "a", "a", "b", "b"), Cat("d", "x", "y", "x", "y")),
            Pair(Cat("c", "a", "a", "b", "b"), Cat("d", "x", "x", "y", "y")));
        Assert.Equal(0.5, result.Score, 12);
    }

    [Fact]
    public void ContingencySimilarity_counts_missing_as_a_category()
    {
        // Real: (a, missing) .5, (a, x) .5; synthetic: (a, x) 1. Dropping missing would give 1.
        var result = new ContingencySimilarity().Compute(
            Pair(Cat("c", "a", "a"), Cat("d", null, "x")),
            Pair(Cat("c", "a", "a"), Cat("d", "x", "x")));
        Assert.Equal(0.5, result.Score, 12);
    }

    [Fact]
    public void EqualWidthBins_follow_numpy_histogram_edges_and_digitize()
    {
        var column = Num("x", 0, 0.5, 1, 9.99, 10, null, 3);
        var edges = EqualWidthBins.Edges(column);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => (double)i), edges);
        var bins = EqualWidthBins.Digitize(column, edges);
        // The maximum and missing values land past the last edge, as numpy.digitize puts them.
        Assert.Equal(new int?[] { 1, 1, 2, 10, 11, 11, 4 }, bins.ToArray());
        Assert.Equal(0, EqualWidthBins.Digitize(Num("x", -1), edges)[0]);
    }

    [Fact]
    public void EqualWidthBins_widen_a_constant_column_and_default_an_empty_one()
    {
        var constant = EqualWidthBins.Edges(Num("x", 5, 5));
        Assert.Equal(4.5, constant[0], 12);
        Assert.Equal(5.5, constant[^1], 12);
        var empty = EqualWidthBins.Edges(Num("x", null, null));
        Assert.Equal((0.0, 1.0), (empty[0], empty[^1]));
    }
}
