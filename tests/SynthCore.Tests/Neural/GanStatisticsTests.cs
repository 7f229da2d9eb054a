using Microsoft.Data.Analysis;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The issue's bar for the screen-time GAN: numeric means and standard deviations within 15% of
/// the real ones, the Notifications / Times Opened correlation preserved, valid categories at
/// their real frequencies, integers integral and inside the observed range.
/// </summary>
public sealed class GanStatisticsTests(ScreentimeGanFixture gan) : IClassFixture<ScreentimeGanFixture>
{
    private static readonly string[] NumericColumns = ["Usage (minutes)", "Notifications", "Times Opened"];

    [Theory]
    [InlineData("Usage (minutes)")]
    [InlineData("Notifications")]
    [InlineData("Times Opened")]
    public void Means_and_standard_deviations_are_within_15_percent(string column)
    {
        double[] real = Numbers(gan.Real, column), synthetic = Numbers(gan.Synthetic, column);

        AssertRelative(Mean(real), Mean(synthetic), 0.15, $"{column} mean");
        AssertRelative(Std(real), Std(synthetic), 0.15, $"{column} standard deviation");
    }

    [Fact]
    public void Notifications_and_times_opened_stay_strongly_correlated()
    {
        double real = Correlation(Numbers(gan.Real, "Notifications"), Numbers(gan.Real, "Times Opened"));
        double synthetic = Correlation(Numbers(gan.Synthetic, "Notifications"), Numbers(gan.Synthetic, "Times Opened"));

        Assert.InRange(real, 0.75, 0.85);
        Assert.True(Math.Abs(synthetic - real) <= 0.1, $"Notifications/Times Opened correlation: real {real:F3}, synthetic {synthetic:F3}");
    }

    [Fact]
    public void Apps_are_real_apps_at_their_real_frequencies()
    {
        var realShares = Shares(gan.Real, "App");
        var syntheticShares = Shares(gan.Synthetic, "App");

        Assert.Subset(realShares.Keys.ToHashSet(), syntheticShares.Keys.ToHashSet());
        foreach (var (app, share) in realShares)
            Assert.True(Math.Abs(syntheticShares.GetValueOrDefault(app) - share) <= 0.04,
                $"{app}: real share {share:F3}, synthetic {syntheticShares.GetValueOrDefault(app):F3}");
    }

    [Fact]
    public void Apps_keep_their_character_when_sampled_conditionally()
    {
        // Real per-app means of Notifications: WhatsApp ~100, Netflix ~0. A generator that ignored
        // the App column would give both the overall mean (~28).
        var netflix = gan.Model.Sample(300, new SampleConditions([new EqualsCondition("App", "Netflix")]), seed: 3);
        var whatsapp = gan.Model.Sample(300, new SampleConditions([new EqualsCondition("App", "WhatsApp")]), seed: 3);

        Assert.All(((StringDataFrameColumn)netflix["App"]).ToArray(), app => Assert.Equal("Netflix", app));
        Assert.True(Mean(Numbers(netflix, "Notifications")) < 15, $"Netflix notifications mean {Mean(Numbers(netflix, "Notifications")):F1}");
        Assert.True(Mean(Numbers(whatsapp, "Notifications")) > 60, $"WhatsApp notifications mean {Mean(Numbers(whatsapp, "Notifications")):F1}");
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

    private static Dictionary<string, double> Shares(DataFrame table, string column)
    {
        var values = ((StringDataFrameColumn)table[column]).ToArray();
        return values.GroupBy(v => v!).ToDictionary(g => g.Key, g => g.Count() / (double)values.Length);
    }

    private static double Mean(double[] x) => x.Average();

    private static double Std(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }

    private static double Correlation(double[] a, double[] b) => MathNet.Numerics.Statistics.Correlation.Pearson(a, b);

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            FormattableString.Invariant($"{what}: real {expected:F2}, synthetic {actual:F2} (allowed ±{tolerance:P0})"));
}
