using MathNet.Numerics.Distributions;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

public sealed class DistributionFitterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(-1, 1, 0.682689492137086)]            // an ordinary interval
    [InlineData(10, 11, 7.619661958203e-24)]          // far in the upper tail: Φ(11) − Φ(10) is 0 in doubles
    [InlineData(-11, -10, 7.619661958203e-24)]        // and in the lower
    [InlineData(0.3, 0.3 + 1e-9, 3.813878154e-10)]    // a sliver (a huge σ): the difference of two numbers near ½ had no correct digits
    public void The_truncated_normals_mass_is_computed_without_cancellation(double alpha, double beta, double mass) =>
        Assert.Equal(Math.Log(mass), DistributionFitter.LogStandardNormalMass(alpha, beta), 6);

    private const int N = DistributionFitterChecks.N;

    private static double[] Draw(IContinuousDistribution d) { var x = new double[N]; d.Samples(x); return x; }

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Gamma_2_3_is_recovered_and_ranked_first() => AssertAll(DistributionFitterChecks.Gamma(seed: 1, output));

    [Theory]
    [InlineData("normal")]
    [InlineData("log-normal")]
    [InlineData("weibull")]
    [InlineData("beta")]
    [InlineData("exponential")]
    [InlineData("uniform")]
    public void Continuous_families_are_recovered(string family) => AssertAll(DistributionFitterChecks.ContinuousFamily(family, seed: 7, output));

    [Fact]
    public void Truncated_normal_is_recovered() => AssertAll(DistributionFitterChecks.TruncatedNormal(seed: 3, output));

    [Theory]
    [InlineData("poisson")]
    [InlineData("negative-binomial")]
    [InlineData("binomial")]
    public void Count_families_are_recovered_and_ranked_first(string family) => AssertAll(DistributionFitterChecks.CountFamily(family, seed: 11, output));

    [Fact]
    public void Ranking_by_ks_orders_by_the_statistic()
    {
        var fits = DistributionFitter.Fit(Draw(new Gamma(2, 1.0 / 3, new Random(1))), counts: false, FitRanking.Ks);
        Assert.Equal(fits.OrderBy(f => f.KsStatistic).Select(f => f.Family), fits.Select(f => f.Family));
    }

    [Fact]
    public void Support_limits_skip_families_and_bad_input_is_refused()
    {
        var fits = DistributionFitter.Fit(Draw(new Normal(0, 1, new Random(2))), counts: false);
        Assert.DoesNotContain(fits, f => f.Family is DistributionFamily.LogNormal or DistributionFamily.Gamma or DistributionFamily.Weibull or DistributionFamily.Exponential);
        Assert.Contains("constant", Assert.Throws<SynthException>(() => DistributionFitter.Fit([3, 3, 3], counts: false)).Message);
        Assert.Contains("at least two", Assert.Throws<SynthException>(() => DistributionFitter.Fit([1], counts: false)).Message);
        Assert.Contains("finite", Assert.Throws<SynthException>(() => DistributionFitter.Fit([1, double.NaN], counts: false)).Message);
    }

    [Fact]
    public void Fit_table_ranks_every_numeric_column_of_penguins()
    {
        var (table, metadata) = BundledTables.Penguins();
        var fits = DistributionFitter.FitTable(table, metadata);
        Assert.Equal(["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"], fits.Keys.OrderBy(k => Array.IndexOf(table.Columns.Select(c => c.Name).ToArray(), k)));
        foreach (var (column, candidates) in fits)
        {
            output.WriteLine($"{column}: {string.Join("; ", candidates.Take(3).Select(c => $"{c.Distribution} AIC {c.Aic:F0} KS {c.KsStatistic:F3}"))}");
            Assert.All(candidates, c => Assert.True(double.IsFinite(c.Aic) && c.KsStatistic is >= 0 and <= 1 && c.KsPValue is >= 0 and <= 1));
        }
        // Integer columns get the count families as candidates too, ranked before the continuous ones.
        Assert.Contains(fits["Body Mass (g)"], c => c.Family == DistributionFamily.NegativeBinomial || c.Family == DistributionFamily.Poisson);
        Assert.True(fits["Body Mass (g)"][0].Family.IsDiscrete());
        Assert.Contains(fits["Body Mass (g)"], c => !c.Family.IsDiscrete());
    }
}
