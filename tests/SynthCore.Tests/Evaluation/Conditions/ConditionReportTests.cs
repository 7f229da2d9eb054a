using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Evaluation.Conditions;

public sealed class ConditionReportTests(ITestOutputHelper output)
{
    private static DataFrame Table(double[] age, string[] city, bool[] member) => new(
        new DoubleDataFrameColumn("age", age),
        new StringDataFrameColumn("city", city),
        new BooleanDataFrameColumn("member", member));

    private static readonly DataFrame Real = Table([20, 31, 35, 40, 52, 38], ["Oslo", "Oslo", "Rome", "Oslo", "Oslo", "Lima"], [true, true, true, false, true, true]);

    private static readonly TableMetadata Metadata = TableMetadata.Detect(Real);

    [Fact]
    public void Counts_the_rows_meeting_every_condition_and_compares_with_the_real_ones_that_do()
    {
        var conditions = new SampleConditions([new RangeCondition("age", 30, null), new OneOfCondition("city", ["Oslo", "Rome"]), new EqualsCondition("member", "yes")]);
        var synthetic = Table([33, 36, 29, 45], ["Oslo", "Rome", "Oslo", "Lima"], [true, true, true, true]);
        var report = ConditionReport.Measure(synthetic, conditions, Metadata, Real);
        Assert.Equal((4, 2, 6, 3), (report.SyntheticRows, report.SyntheticMeeting, report.RealRows!.Value, report.RealMeeting!.Value));
        Assert.Equal(0.5, report.Share);
        var age = Assert.Single(report.Columns);
        Assert.True(age.Conditioned);
        // The real rows meeting the conditions: ages 31, 35, 52; the report's KS is the library's, on all synthetic rows.
        Assert.Equal(KolmogorovSmirnov.TwoSample([31, 35, 52], [33, 36, 29, 45]), age.Ks);
        Assert.Equal((3, 4), (age.RealRows, age.SyntheticRows));
    }

    [Fact]
    public void Without_a_real_table_only_the_share_and_open_bounds_stay_open()
    {
        var conditions = new SampleConditions([new RangeCondition("age", null, 35.5)]);
        var report = ConditionReport.Measure(Table([-1e9, 35, 36], ["a", "b", "c"], [true, false, true]), conditions, Metadata);
        Assert.Equal(2, report.SyntheticMeeting);
        Assert.Null(report.RealMeeting);
        Assert.Empty(report.Columns);
    }

    [Fact]
    public void No_real_row_meeting_the_conditions_leaves_nothing_to_compare()
    {
        var report = ConditionReport.Measure(Real, new SampleConditions([new EqualsCondition("city", "Paris")]), Metadata, Real);
        Assert.Equal((0, 0), (report.SyntheticMeeting, report.RealMeeting!.Value));
        Assert.Empty(report.Columns);
    }

    [Fact]
    public void A_condition_that_does_not_fit_its_column_names_it()
    {
        var e = Assert.Throws<SynthColumnException>(() => ConditionReport.Measure(Real, new SampleConditions([new RangeCondition("city", 1, 2)]), Metadata));
        Assert.Equal("city", e.Column);
    }

    [Fact]
    public void Conditioned_cart_on_penguins_meets_every_condition_and_matches_the_real_rows_that_do() =>
        StatisticalCheck.AssertAll(ConditionReportChecks.Cart(fitSeed: 7, sampleSeed: 1, output));

    [Fact]
    public void Conditioned_copula_on_penguins_meets_every_condition_and_matches_the_real_rows_that_do() =>
        StatisticalCheck.AssertAll(ConditionReportChecks.Copula(fitSeed: 3, sampleSeed: 11, output));
}
