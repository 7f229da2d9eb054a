using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Statistical.SampleChecks;

namespace SynthCore.Tests.Statistical;

public sealed class GaussianCopulaTests(ITestOutputHelper output)
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = GaussianCopulaChecks.Penguins;

    private static IFittedSynthesizer Fit((DataFrame Table, TableMetadata Metadata) data) => GaussianCopulaChecks.Fit(data, seed: 3);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Theory]
    [InlineData("empirical")]
    [InlineData("parametric")]
    public void Penguins_marginals_correlations_and_categories_match(string marginals) =>
        AssertAll(GaussianCopulaChecks.PenguinsSample(marginals, fitSeed: 3, sampleSeed: 11));

    [Fact]
    public void Screentime_dates_apps_and_counts_match() => AssertAll(GaussianCopulaChecks.ScreentimeSample(fitSeed: 3, sampleSeed: 5));

    [Fact]
    public void Same_seed_same_rows_and_save_load_keeps_them()
    {
        var model = Fit(Penguins);
        AssertSameRows(model.Sample(300, seed: 9), model.Sample(300, seed: 9));
        Assert.NotEqual(model.Sample(50, seed: 1).Columns["Body Mass (g)"][0], model.Sample(50, seed: 2).Columns["Body Mass (g)"][0]);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = SynthesizerRegistry.Default.Load(file, Penguins.Metadata);
        Assert.Equal("copula", loaded.ModelName);
        AssertSameRows(model.Sample(300, seed: 9), loaded.Sample(300, seed: 9));
        var conditions = new SampleConditions([new EqualsCondition("Species", "Gentoo"), new RangeCondition("Beak Length (mm)", 45, 50)]);
        AssertSameRows(model.Sample(100, conditions, seed: 4), loaded.Sample(100, conditions, seed: 4));
    }

    [Fact]
    public void Conditioning_on_species_gives_that_species_body_mass() =>
        AssertAll(GaussianCopulaChecks.SpeciesConditioning(fitSeed: 3, sampleSeed: 21, output));

    [Fact]
    public void Conditioning_on_a_range_and_an_exact_value() =>
        AssertAll(GaussianCopulaChecks.RangeAndExactConditions(fitSeed: 3, rangeSeed: 2, exactSeed: 3, output));

    [Fact]
    public void Two_interval_conditions_use_the_truncated_joint()
    {
        var model = Fit(Penguins);
        var conditions = new SampleConditions([
            new OneOfCondition("Island", ["Biscoe", "Dream"]),
            new RangeCondition("Flipper Length (mm)", 200, 215),
            new EqualsCondition("Sex", "FEMALE"),
        ]);
        var sample = model.Sample(800, conditions, seed: 8);
        Assert.All(ColumnValues(sample, "Island"), s => Assert.Contains(s, new[] { "Biscoe", "Dream" }));
        Assert.All(Numbers(sample, "Flipper Length (mm)"), x => Assert.InRange(x, 200, 215));
        Assert.All(ColumnValues(sample, "Sex"), s => Assert.Equal("FEMALE", s));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Exact_conditioning_agrees_with_rejection_from_the_same_model(bool severalIntervals) =>
        AssertAll(GaussianCopulaChecks.ExactAgreesWithRejection(severalIntervals, fitSeed: 3, exactSeed: 12, rejectionSeed: 13, output));

    [Fact]
    public void Booleans_keep_their_type_rate_and_link_and_can_be_conditioned_on() =>
        AssertAll(GaussianCopulaChecks.Booleans(dataSeed: 5, fitSeed: 1, sampleSeed: 2, conditionedSeed: 3, output));

    [Fact]
    public void Bad_conditions_get_clear_errors()
    {
        var model = Fit(Penguins);
        Assert.Equal("Wingspan", Assert.Throws<SynthColumnException>(() => model.Sample(10, new SampleConditions([new EqualsCondition("Wingspan", 1.0)]))).Column);
        Assert.Contains("above its maximum", Assert.Throws<SynthColumnException>(() => model.Sample(10, new SampleConditions([new RangeCondition("Body Mass (g)", 5000, 100)]))).Message);
        Assert.Contains("holds no value", Assert.Throws<SynthColumnException>(() => model.Sample(10, new SampleConditions([new RangeCondition("Body Mass (g)", 9000, null)]))).Message);
        Assert.Contains("'Emperor' never occurs", Assert.Throws<SynthColumnException>(() => model.Sample(10, new SampleConditions([new EqualsCondition("Species", "Emperor")]))).Message);
    }

    [Fact]
    public void Correlation_matrix_is_a_valid_correlation() => AssertAll(GaussianCopulaChecks.FittedCorrelation(fitSeed: 3));

    private static string?[] ColumnValues(DataFrame table, string column) => SynthCore.Data.ColumnValues.Labels(table.Columns[column]);
}
