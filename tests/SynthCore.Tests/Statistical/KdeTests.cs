using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

public sealed class KdeTests(ITestOutputHelper output)
{
    [Theory]
    // scipy.stats.gaussian_kde (values from Python with its formulas): scotts_factor = n^(-1/(d+4)), silverman_factor = (n (d+2) / 4)^(-1/(d+4)).
    [InlineData("scott", 100, 2, 0.4641588833612779)]
    [InlineData("silverman", 100, 2, 0.4641588833612779)]
    [InlineData("scott", 344, 4, 0.48187033908316734)]
    [InlineData("silverman", 344, 4, 0.45805622257626966)]
    [InlineData("0.3", 344, 4, 0.3)]
    public void Bandwidth_rules_are_scipys(string rule, int rows, int dims, double expected) =>
        Assert.Equal(expected, new KdeOptions { Bandwidth = rule }.Factor(rows, dims), 12);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void The_bandwidth_sets_how_far_samples_stray_from_real_rows() =>
        AssertAll(KdeChecks.Bandwidths(dataSeed: 5, fitSeed: 7, sampleSeed: 1, output));

    [Fact]
    public void Samples_have_the_datas_correlation_not_shrunk_by_the_kernel() => AssertAll(KdeChecks.Correlation(dataSeed: 6, fitSeed: 7, sampleSeed: 2));

    [Fact]
    public void An_exact_numeric_value_is_met_natively_and_shapes_the_other_columns() => AssertAll(KdeChecks.ExactNumericValue(fitSeed: 7, sampleSeed: 3));

    [Fact]
    public void Category_combinations_come_from_the_real_rows_at_their_frequencies() => AssertAll(KdeChecks.CategoryCombinations(fitSeed: 7, sampleSeed: 8));

    [Fact]
    public void Values_leaving_the_range_are_reflected_back_inside()
    {
        Assert.Equal(1.5, FittedKde.Reflect(0.5, 1, 10));
        Assert.Equal(9, FittedKde.Reflect(11, 1, 10));
        Assert.Equal(1, FittedKde.Reflect(-50, 1, 10));
        var table = StatTables.Numeric(100, seed: 2);
        var synthetic = StatTables.Fit("kde", table, new() { ["bandwidth"] = "1.5" }).Sample(2000, seed: 1);
        double[] x = StatTables.Column(table, "x"), sx = StatTables.Column(synthetic, "x");
        Assert.All(sx, v => Assert.InRange(v, x.Min(), x.Max()));
        // Reflection, not clipping: no pile of samples on the bounds.
        Assert.True(sx.Count(v => v == x.Min() || v == x.Max()) < 10);
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("-1")]
    [InlineData("0")]
    public void A_bad_bandwidth_is_refused(string bandwidth) =>
        Assert.Equal("bandwidth", Assert.Throws<SynthOptionException>(() => StatTables.Fit("kde", StatTables.Numeric(20, 1), new() { ["bandwidth"] = bandwidth })).Option);
}
