using SynthCore.Evaluation;

namespace SynthCore.Tests.Evaluation;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void Identical_samples_have_zero_distance_and_p_value_one()
    {
        var result = KolmogorovSmirnov.TwoSample([1, 2, 3], [3, 2, 1]);
        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Shifted_samples_measure_the_gap_after_each_tie()
    {
        // ECDFs: x=1: .25/0, x=2: .5/0, x=3: .75/.25, x=4: 1/.5, x=5: 1/.75, x=6: 1/1 → D = .5
        // (scipy.stats.ks_2samp([1,2,3,4],[3,4,5,6]).statistic == 0.5). Counting the tie at 3 before
        // the second sample steps would give .75.
        Assert.Equal(0.5, KolmogorovSmirnov.Statistic([1, 2, 3, 4], [3, 4, 5, 6]), 12);
    }

    [Fact]
    public void Heavy_ties_are_stepped_together()
    {
        // x=1: 3/4 vs 1/4 → .5; x=2: 1 vs 1 → 0. scipy gives 0.5.
        Assert.Equal(0.5, KolmogorovSmirnov.Statistic([1, 1, 1, 2], [1, 2, 2, 2]), 12);
        // All values equal: no gap at all.
        Assert.Equal(0, KolmogorovSmirnov.Statistic([7, 7, 7], [7, 7]), 12);
    }

    [Fact]
    public void Disjoint_samples_of_different_sizes()
    {
        Assert.Equal(1, KolmogorovSmirnov.Statistic([1, 2], [10, 11, 12]), 12);
        // scipy.stats.ks_2samp([1,2,3],[2,3,4,5]).statistic: x=1 1/3-0, x=2 2/3-1/4, x=3 1-1/2 → 0.5
        Assert.Equal(0.5, KolmogorovSmirnov.Statistic([1, 2, 3], [2, 3, 4, 5]), 12);
    }

    [Theory]
    // scipy.special.kolmogorov values (documented: kolmogorov(0.5) = 0.9639452436648751, kolmogorov(1.0) = 0.26999967167735456).
    [InlineData(0.5, 0.9639452436648751)]
    [InlineData(1.0, 0.26999967167735456)]
    [InlineData(1.36, 0.049485876755377876)]
    [InlineData(1.628, 0.009975522431181053)]
    [InlineData(0.0, 1.0)]
    public void Kolmogorov_survival_matches_known_values(double lambda, double expected) =>
        Assert.Equal(expected, KolmogorovSmirnov.KolmogorovSurvival(lambda), 12);

    [Fact]
    public void Both_series_agree_where_they_switch()
    {
        double below = KolmogorovSmirnov.KolmogorovSurvival(1.18 - 1e-9);
        double above = KolmogorovSmirnov.KolmogorovSurvival(1.18 + 1e-9);
        Assert.Equal(below, above, 8);
    }

    [Fact]
    public void P_value_uses_the_effective_sample_size()
    {
        // n = m = 8, D = 0.5: λ = √(64/16)·0.5 = 1.0 → p = Q(1) = 0.26999967…
        double[] a = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] b = [5, 6, 7, 8, 9, 10, 11, 12];
        var result = KolmogorovSmirnov.TwoSample(a, b);
        Assert.Equal(0.5, result.Statistic, 12);
        Assert.Equal(0.26999967167735456, result.PValue, 10);
    }

    [Fact]
    public void Empty_sample_is_rejected() =>
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));
}
