using Microsoft.Data.Analysis;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The screen-time GAN's bar: numeric means and standard deviations within 15% of the real ones,
/// the Notifications / Times Opened correlation preserved, valid categories at their real
/// frequencies (<see cref="ScreentimeGanChecks"/>), integers integral and inside the observed range.
/// </summary>
public sealed class GanStatisticsTests(ScreentimeGanFixture gan) : IClassFixture<ScreentimeGanFixture>
{
    private static readonly string[] NumericColumns = ["Usage (minutes)", "Notifications", "Times Opened"];

    [Fact]
    public void Means_spreads_correlation_app_shares_and_conditional_means_are_within_the_swept_tolerances()
    {
        var checks = ScreentimeGanChecks.Measure(gan.Real, gan.Synthetic, gan.Model);
        Assert.InRange(ScreentimeGanChecks.NotificationsTimesOpened(gan.Real), 0.75, 0.85);
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Apps_are_real_apps_and_conditions_are_met()
    {
        Assert.Subset(Shares(gan.Real, "App").Keys.ToHashSet(), Shares(gan.Synthetic, "App").Keys.ToHashSet());
        var netflix = gan.Model.Sample(100, new SampleConditions([new EqualsCondition("App", "Netflix")]), seed: 3);
        Assert.All(((StringDataFrameColumn)netflix["App"]).ToArray(), app => Assert.Equal("Netflix", app));
    }

    [Fact]
    public void Integers_are_integral_and_inside_the_observed_range()
    {
        foreach (var column in NumericColumns)
        {
            double[] real = Numbers(gan.Real, column), synthetic = Numbers(gan.Synthetic, column);
            Assert.All(synthetic, x => Assert.Equal(Math.Round(x), x));
            Assert.InRange(synthetic.Min(), real.Min(), real.Max());
            Assert.InRange(synthetic.Max(), real.Min(), real.Max());
        }
        var realDates = ((PrimitiveDataFrameColumn<DateTime>)gan.Real["Date"]).Select(d => d!.Value).ToArray();
        var dates = ((PrimitiveDataFrameColumn<DateTime>)gan.Synthetic["Date"]).Select(d => d!.Value).ToArray();
        Assert.All(dates, d => Assert.InRange(d, realDates.Min(), realDates.Max()));
    }

    [Fact]
    public void Samples_have_the_real_schema_and_no_missing_values()
    {
        Assert.Equal(gan.Real.Columns.Select(c => (c.Name, c.DataType)), gan.Synthetic.Columns.Select(c => (c.Name, c.DataType)));
        Assert.Equal(5000, gan.Synthetic.Rows.Count);
        Assert.All(gan.Synthetic.Columns, c => Assert.Equal(0, c.NullCount));
    }

    [Fact]
    public void Progress_is_reported_with_finite_losses_up_to_the_last_step()
    {
        Assert.Equal(ScreentimeGanFixture.Steps / 100, gan.Reports.Count);
        Assert.Equal(ScreentimeGanFixture.Steps, gan.Reports[^1].Step);
        Assert.All(gan.Reports, r =>
        {
            Assert.Equal("train", r.Phase);
            Assert.Equal(ScreentimeGanFixture.Steps, r.TotalSteps);
            Assert.True(double.IsFinite(r.Losses["generator"]) && double.IsFinite(r.Losses["discriminator"]));
        });
        Assert.Equal(TimeSpan.Zero, gan.Reports[^1].EstimatedRemaining);
        Assert.True(gan.Reports.Zip(gan.Reports.Skip(1)).All(p => p.First.Elapsed <= p.Second.Elapsed));
    }

    internal static double[] Numbers(DataFrame table, string column) =>
        table[column].Cast<object?>().Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    internal static Dictionary<string, double> Shares(DataFrame table, string column)
    {
        var values = ((StringDataFrameColumn)table[column]).ToArray();
        return values.GroupBy(v => v!).ToDictionary(g => g.Key, g => g.Count() / (double)values.Length);
    }
}
