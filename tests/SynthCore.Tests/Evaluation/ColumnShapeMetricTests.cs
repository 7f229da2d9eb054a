using SynthCore.Evaluation.Metrics;
using static SynthCore.Tests.Evaluation.Columns;

namespace SynthCore.Tests.Evaluation;

public class ColumnShapeMetricTests
{
    [Fact]
    public void KSComplement_is_one_minus_the_largest_CDF_gap()
    {
        // CDFs at 1..6: real .25 .5 .75 1 1 1, synthetic 0 0 .25 .5 .75 1: largest gap 0.5.
        var result = new KSComplement().Compute(Num("x", 1, 2, 3, 4), Num("x", 3, 4, 5, 6));
        Assert.Equal(0.5, result.Score, 12);
        Assert.Equal((0.0, 1.0, MetricGoal.Maximize), (result.Min, result.Max, result.Goal));
        Assert.True(result.IsComputed);
    }

    [Fact]
    public void KSComplement_drops_missing_values_and_handles_ties()
    {
        // Ties: real {1,1,2,2}, synthetic {1,2,2,2}: after 1 the CDFs are .5 and .25, after 2 both 1.
        var result = new KSComplement().Compute(Num("x", 1, null, 1, 2, 2), Num("x", 1, 2, null, 2, 2));
        Assert.Equal(0.75, result.Score, 12);
    }

    [Fact]
    public void KSComplement_compares_dates_as_instants()
    {
        var day = new DateTime(2024, 1, 1);
        var result = new KSComplement().Compute(
            Dates("d", day, day.AddDays(1), day.AddDays(2), day.AddDays(3)),
            Dates("d", day.AddDays(2), day.AddDays(3), day.AddDays(4), day.AddDays(5)));
        Assert.Equal(0.5, result.Score, 12);
    }

    [Fact]
    public void KSComplement_without_values_is_not_applicable_and_says_why()
    {
        var result = new KSComplement().Compute(Num("Age", 1, 2), Num("Age", null, null));
        Assert.False(result.IsComputed);
        Assert.True(double.IsNaN(result.Score));
        Assert.Contains("'Age'", result.Error);
        Assert.Contains("synthetic", result.Error);
    }

    [Fact]
    public void TVComplement_is_one_minus_half_the_frequency_differences()
    {
        // Real a .5 b .5, synthetic a .75 b .25: TV = (.25 + .25) / 2.
        var result = new TVComplement().Compute(Cat("c", "a", "a", "b", "b"), Cat("c", "a", "a", "a", "b", null));
        Assert.Equal(0.75, result.Score, 12);
    }

    [Fact]
    public void TVComplement_gives_unseen_synthetic_categories_SDMetrics_tiny_real_count()
    {
        // Real counts a:2 plus c:1e-6 (SDMetrics' regularisation); synthetic a .5, c .5.
        var result = new TVComplement().Compute(Cat("c", "a", "a"), Cat("c", "a", "c"));
        var realA = 2 / 2.000001;
        Assert.Equal(1 - 0.5 * (Math.Abs(0.5 - realA) + Math.Abs(0.5 - (1 - realA))), result.Score, 12);
    }

    [Fact]
    public void TVComplement_works_on_booleans()
    {
        var result = new TVComplement().Compute(Bool("b", true, false), Bool("b", true, true));
        Assert.Equal(0.5, result.Score, 12);
    }

    [Fact]
    public void Wasserstein_is_the_area_between_the_empirical_CDFs()
    {
        var metric = new WassersteinDistance();
        Assert.Equal(MetricGoal.Minimize, metric.Goal);
        Assert.Equal(0, metric.Compute(Num("x", 0, 1), Num("x", 1, 0)).Score, 12);
        Assert.Equal(5, metric.Compute(Num("x", 0), Num("x", 5)).Score, 12);
        // [0,2] vs [1]: |.5 − 0| on [0,1] plus |.5 − 1| on [1,2].
        Assert.Equal(1, metric.Compute(Num("x", 0, 2, null), Num("x", 1)).Score, 12);
        // A shift by c moves every unit of mass by c.
        Assert.Equal(2.5, WassersteinDistance.Between([1, 2, 3, 7], [3.5, 4.5, 5.5, 9.5]), 12);
    }
}
