using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Statistical.SampleChecks;

namespace SynthCore.Tests.Statistical;

public sealed class DistributionsAndBootstrapTests(ITestOutputHelper output)
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = DistributionsAndBootstrapChecks.Penguins;
    private static readonly (DataFrame Table, TableMetadata Metadata) Screentime = DistributionsAndBootstrapChecks.Screentime;

    private static IFittedSynthesizer Fit(string model, (DataFrame Table, TableMetadata Metadata) data, params (string, string)[] options) =>
        DistributionsAndBootstrapChecks.Fit(model, data, seed: 4, options);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Distributions_sample_the_fitted_marginals_independently()
    {
        foreach (var (column, fits) in DistributionFitter.FitTable(Screentime.Table, Screentime.Metadata))
            output.WriteLine($"{column}: {string.Join("; ", fits.Select(c => $"{c.Distribution} AIC {c.Aic:F0} KS {c.KsStatistic:F3}"))}");
        AssertAll(DistributionsAndBootstrapChecks.IndependentDistributions(fitSeed: 4, sampleSeed: 1, output));
    }

    [Fact]
    public void Ranking_by_ks_picks_closer_marginals() => AssertAll(DistributionsAndBootstrapChecks.RankedByKs(fitSeed: 4, sampleSeed: 1, output));

    [Fact]
    public void Distributions_joined_by_the_copula_keep_the_correlation() =>
        AssertAll(DistributionsAndBootstrapChecks.JoinedByCopula(fitSeed: 4, sampleSeed: 1, conditionedSeed: 2));

    [Fact]
    public void Distributions_options_are_checked()
    {
        Assert.Contains("'joint': must be one of", Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("distributions", new SynthesizerSettings { Extra = new Dictionary<string, string> { ["joint"] = "vine" } })).Message);
        Assert.Equal("--epochs", Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Epochs = 3 })).Option);
        Assert.Contains("'latent-dim': is not an option of the 'bootstrap' model. Allowed: bandwidth, smooth.", Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("bootstrap", new SynthesizerSettings { Extra = new Dictionary<string, string> { ["latent-dim"] = "3" } })).Message);
    }

    [Fact]
    public void Bootstrap_reproduces_real_rows() => AssertAll(DistributionsAndBootstrapChecks.Bootstrap(fitSeed: 4, sampleSeed: 3));

    [Fact]
    public void Smoothed_bootstrap_jitters_within_range_and_keeps_integers() =>
        AssertAll(DistributionsAndBootstrapChecks.SmoothedBootstrap(fitSeed: 4, sampleSeed: 3, output));

    [Fact]
    public void Bootstrap_conditions_select_real_rows_and_rare_ones_fail_with_counts()
    {
        var model = Fit("bootstrap", Penguins, ("smooth", "true"));
        var sample = model.Sample(800, new SampleConditions([new EqualsCondition("Species", "Gentoo"), new RangeCondition("Body Mass (g)", 5000, 5600)]), seed: 6);
        Assert.All(SynthCore.Data.ColumnValues.Labels(sample.Columns["Species"]), s => Assert.Equal("Gentoo", s));
        Assert.All(Numbers(sample, "Body Mass (g)"), x => Assert.InRange(x, 5000, 5600));
        var e = Assert.Throws<SynthException>(() => model.Sample(10, new SampleConditions([new EqualsCondition("Species", "Adelie"), new RangeCondition("Body Mass (g)", 6000, null)])));
        Assert.Contains("0 of the 344 real rows", e.Message);
    }

    [Fact]
    public void Bootstrap_save_load_gives_the_same_rows()
    {
        var model = Fit("bootstrap", Screentime, ("smooth", "true"));
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = SynthesizerRegistry.Default.Load(file, Screentime.Metadata);
        AssertSameRows(model.Sample(200, seed: 8), loaded.Sample(200, seed: 8));
        Assert.IsType<DateTimeDataFrameColumn>(loaded.Sample(5).Columns["Date"]);
    }

    // Bad input: a constant column, a one-category column, an all-missing column.
    private static (DataFrame, TableMetadata) Awkward()
    {
        int n = 120;
        var random = new Random(1);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
        var table = new DataFrame(
            new DoubleDataFrameColumn("x", x),
            new DoubleDataFrameColumn("y", x.Select(v => 2 * v + random.NextDouble())),
            new DoubleDataFrameColumn("constant", Enumerable.Repeat(7.0, n)),
            new StringDataFrameColumn("one", Enumerable.Repeat("only", n)),
            new DoubleDataFrameColumn("empty", Enumerable.Repeat<double?>(null, n)));
        var metadata = new TableMetadata([
            new ColumnMetadata("x", ColumnKind.Continuous, 0, n, n),
            new ColumnMetadata("y", ColumnKind.Continuous, 0, n, n),
            new ColumnMetadata("constant", ColumnKind.Integer, 0, n, 1),
            new ColumnMetadata("one", ColumnKind.Categorical, 0, n, 1),
            new ColumnMetadata("empty", ColumnKind.Continuous, n, n, 0),
        ]);
        return (table, metadata);
    }

    [Theory]
    [InlineData("copula")]
    [InlineData("distributions")]
    [InlineData("bootstrap")]
    public void Constant_single_category_and_empty_columns_are_reproduced_without_NaN(string model)
    {
        var (table, metadata) = Awkward();
        var fitted = SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Seed = 2 }).Fit(table, metadata);
        var sample = fitted.Sample(300, seed: 1);
        Assert.All(Numbers(sample, "constant"), v => Assert.Equal(7.0, v));
        Assert.All(SynthCore.Data.ColumnValues.Labels(sample.Columns["one"]), v => Assert.Equal("only", v));
        Assert.Equal(1.0, MissingRate(sample, "empty"));
        AssertNoNaN(sample);
        Assert.True(Correlation(sample, "x", "y") > 0.9 || model == "distributions");
        // Conditions on the degenerate columns: their one value is fine, anything else is refused by name.
        Assert.Equal(300, fitted.Sample(300, new SampleConditions([new EqualsCondition("constant", 7.0), new EqualsCondition("one", "only")]), seed: 1).Rows.Count);
        Assert.Contains("outside what the model can produce", Assert.Throws<SynthColumnException>(() => fitted.Sample(5, new SampleConditions([new EqualsCondition("constant", 8.0)]))).Message);
        Assert.Contains("no observed values", Assert.Throws<SynthColumnException>(() => fitted.Sample(5, new SampleConditions([new RangeCondition("empty", 0, 1)]))).Message);
    }

    [Fact]
    public void All_missing_columns_are_refused_by_detection()
    {
        var (table, _) = Awkward();
        Assert.Equal("empty", Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table)).Column);
    }
}
