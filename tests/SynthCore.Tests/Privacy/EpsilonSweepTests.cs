using SynthCore.Data;
using SynthCore.Evaluation.Privacy;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

/// <summary><see cref="EpsilonSweep"/>: utility and quality rise with ε, the same seed gives the same sweep, and bad input names the option.</summary>
public class EpsilonSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void More_budget_buys_quality_and_utility()
    {
        var checks = EpsilonSweepChecks.All(42);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sweep_and_each_point_spends_its_epsilon()
    {
        var first = EpsilonSweepChecks.Sweep(5, [1, 0.5]);
        var second = EpsilonSweepChecks.Sweep(5, [1, 0.5]);
        Assert.Equal([1, 0.5], first.Points.Select(p => p.Epsilon));
        Assert.Equal(first.Points.Select(p => p.Epsilon), first.Points.Select(p => p.SpentEpsilon), new ToleranceComparer());
        Assert.Equal(first.Points.Select(p => (p.Quality, p.UtilityPercent)), second.Points.Select(p => (p.Quality, p.UtilityPercent)));
        Assert.Equal((241, 103, "Species", "roc_auc"), (first.TrainingRows, first.HoldoutRows, first.Target, first.UtilityMetric));
        Assert.All(first.Points, p => Assert.True(p.Guaranteed));
    }

    [Theory]
    [InlineData("", "name at least one ε")]
    [InlineData("0.1,abc", "'abc' is not a number")]
    [InlineData("0.1,-1", "every ε must be a positive number")]
    [InlineData("1,0", "every ε must be a positive number")]
    [InlineData("1,1", "names an ε twice")]
    public void Bad_epsilon_lists_name_the_option(string text, string message)
    {
        var error = Assert.Throws<SynthOptionException>(() => EpsilonSweep.Parse(text, "--epsilons"));
        Assert.Equal("--epsilons", error.Option);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_model_without_differential_privacy_is_refused_naming_the_model()
    {
        var table = PrivacyTestData.Penguins();
        var rows = PrivacyTestData.Rows(table, Enumerable.Range(0, 200));
        var holdout = PrivacyTestData.Rows(table, Enumerable.Range(200, 100));
        var error = Assert.Throws<SynthOptionException>(() => EpsilonSweep.Run("copula", _ => SynthCore.Registry.SynthesizerRegistry.Default.Create("copula", new SynthCore.Synthesizers.SynthesizerSettings()), rows, holdout,
            TableMetadata.Detect(table), [1.0], "Species", 1));
        Assert.Equal("model", error.Option);
        Assert.Contains("'copula' did not fit with differential privacy", error.Message);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;
        public int GetHashCode(double obj) => 0;
    }
}
