using Microsoft.Data.Analysis;
using SynthCore.Evaluation.Metrics;
using static SynthCore.Tests.Evaluation.Columns;

namespace SynthCore.Tests.Evaluation;

public class DiagnosticMetricTests
{
    [Fact]
    public void BoundaryAdherence_is_the_share_of_synthetic_values_inside_the_real_range()
    {
        Assert.Equal(0.6, new BoundaryAdherence().Compute(Num("x", 0, 10), Num("x", -1, 0, 5, 10, 11)).Score, 12);
    }

    [Fact]
    public void BoundaryAdherence_counts_missing_synthetic_values_as_out_of_bounds_only_when_the_real_column_has_none()
    {
        var metric = new BoundaryAdherence();
        Assert.Equal(0.5, metric.Compute(Num("x", 0, 10), Num("x", 5, null)).Score, 12);
        Assert.Equal(1, metric.Compute(Num("x", 0, null, 10), Num("x", 5, null)).Score, 12);
    }

    [Fact]
    public void CategoryAdherence_is_the_share_of_synthetic_values_that_are_real_categories()
    {
        var metric = new CategoryAdherence();
        Assert.Equal(0.5, metric.Compute(Cat("c", "a", "b"), Cat("c", "a", "z", null, "b")).Score, 12);
        // Missing is valid when the real column has missing values.
        Assert.Equal(2.0 / 3, metric.Compute(Cat("c", "a", null), Cat("c", "a", null, "z")).Score, 12);
    }

    [Fact]
    public void KeyUniqueness_counts_repeats_and_missing_keys_as_invalid()
    {
        Assert.Equal(0.5, new KeyUniqueness().Compute(Num("id", 1, 2, 3), Num("id", 1, 2, 2, null)).Score, 12);
    }

    [Fact]
    public void TableStructure_is_shared_name_and_type_pairs_over_all_pairs()
    {
        var real = new DataFrame(Num("a", 1), Cat("b", "x"));
        var synthetic = new DataFrame(Num("a", 1), Num("b", 2), Cat("c", "y"));
        // Shared: (a, double). All: (a, double), (b, string), (b, double), (c, string).
        Assert.Equal(0.25, new TableStructure().Compute(real, synthetic).Score, 12);
        Assert.Equal(1, new TableStructure().Compute(real, real).Score, 12);
    }

    [Fact]
    public void RangeCoverage_is_one_minus_the_share_of_the_real_range_missed()
    {
        var metric = new RangeCoverage();
        Assert.Equal(0.5, metric.Compute(Num("x", 0, 10), Num("x", 2, 7)).Score, 12);
        Assert.Equal(1, metric.Compute(Num("x", 0, 10), Num("x", -5, 20)).Score, 12);
        Assert.Equal(0, metric.Compute(Num("x", 0, 10), Num("x", 20, 30)).Score, 12);
        Assert.False(metric.Compute(Num("x", 3, 3), Num("x", 1, 2)).IsComputed);
    }

    [Fact]
    public void CategoryCoverage_is_the_share_of_real_categories_the_synthetic_column_shows()
    {
        Assert.Equal(1.0 / 3, new CategoryCoverage().Compute(Cat("c", "a", "b", "c", null), Cat("c", "a", "a", "d")).Score, 12);
    }
}
