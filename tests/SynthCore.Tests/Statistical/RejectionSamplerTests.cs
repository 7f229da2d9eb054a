using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Statistical;

public sealed class RejectionSamplerTests
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = SamplerChecks.Penguins;
    private static readonly ConditionDomain Domain = SamplerChecks.Domain;

    private static DataFrame Draw(int rows, Random random) => SamplerChecks.Draw(rows, random);

    private static DataFrame Sample(int rows, params ColumnCondition[] conditions) =>
        RejectionSampler.Sample(Draw, rows, new SampleConditions(conditions), Penguins.Metadata, Domain, new Random(7));

    [Fact]
    public void Every_row_meets_the_conditions_and_the_count_is_exact()
    {
        var sample = Sample(300, new EqualsCondition("Species", "Gentoo"), new RangeCondition("Body Mass (g)", 5000, null));
        Assert.Equal(300, sample.Rows.Count);
        for (long r = 0; r < sample.Rows.Count; r++)
        {
            Assert.Equal("Gentoo", sample.Columns["Species"][r]);
            Assert.True((double)sample.Columns["Body Mass (g)"][r] >= 5000);
        }
    }

    [Fact]
    public void Conditional_distribution_matches_the_real_subset() =>
        SynthCore.Tests.Sweeps.StatisticalCheck.AssertAll(SamplerChecks.RejectionMean(seed: 7));

    [Fact]
    public void Same_seed_gives_the_same_rows()
    {
        var a = Sample(50, new EqualsCondition("Sex", "FEMALE"));
        var b = Sample(50, new EqualsCondition("Sex", "FEMALE"));
        for (long r = 0; r < 50; r++) Assert.Equal(a.Columns["Body Mass (g)"][r], b.Columns["Body Mass (g)"][r]);
    }

    [Fact]
    public void Too_rare_condition_says_how_many_rows_matched()
    {
        // One real penguin weighs 6300 g: exactly that mass is found but far too rarely for 100k rows.
        var e = Assert.Throws<SynthException>(() => RejectionSampler.Sample(Draw, 100_000,
            new SampleConditions([new EqualsCondition("Body Mass (g)", 6300.0)]), Penguins.Metadata, Domain, new Random(1),
            new RejectionSamplerOptions(MaxAttempts: 3, MaxBatchRows: 20_000)));
        Assert.Contains("too rare", e.Message);
        Assert.Matches(@"only [\d,]+ of [\d,]+ sampled rows", e.Message);
        Assert.DoesNotContain("only 0 of", e.Message);
    }

    [Theory]
    [InlineData("Wingspan", "no such column")]
    [InlineData("Species", "'Emperor' never occurs")]
    public void Unknown_columns_and_categories_are_named(string column, string expected)
    {
        var e = Assert.Throws<SynthColumnException>(() => Sample(10, new EqualsCondition(column, "Emperor")));
        Assert.Equal(column, e.Column);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Reversed_and_out_of_range_ranges_are_rejected()
    {
        var reversed = Assert.Throws<SynthColumnException>(() => Sample(10, new RangeCondition("Body Mass (g)", 5000, 4000)));
        Assert.Contains("minimum 5000 is above its maximum 4000", reversed.Message);
        var outside = Assert.Throws<SynthColumnException>(() => Sample(10, new RangeCondition("Body Mass (g)", 10_000, 12_000)));
        Assert.Contains("holds no value the model can produce", outside.Message);
        Assert.Contains("2700", outside.Message);
        var value = Assert.Throws<SynthColumnException>(() => Sample(10, new EqualsCondition("Flipper Length (mm)", 500)));
        Assert.Contains("outside what the model can produce", value.Message);
    }

    [Fact]
    public void Wrong_condition_shapes_are_rejected()
    {
        Assert.Contains("not a range", Assert.Throws<SynthColumnException>(() => Sample(10, new RangeCondition("Species", 0, 1))).Message);
        Assert.Contains("not a set", Assert.Throws<SynthColumnException>(() => Sample(10, new OneOfCondition("Body Mass (g)", [3000.0]))).Message);
        Assert.Contains("not a number", Assert.Throws<SynthColumnException>(() => Sample(10, new EqualsCondition("Body Mass (g)", "heavy"))).Message);
        Assert.Contains("not one", Assert.Throws<SynthColumnException>(() => Sample(10, new EqualsCondition("Flipper Length (mm)", 190.5))).Message);
        Assert.Contains("empty", Assert.Throws<SynthColumnException>(() => Sample(10, new OneOfCondition("Species", []))).Message);
    }
}
