using System.Globalization;
using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace SynthCore.Tests.Data;

// Checks the files in data/ against what data/README.md promises. Files are read with
// Microsoft.Data.Analysis directly so these tests do not depend on the project's own CSV reader.
public sealed class BundledDataTests(ITestOutputHelper output)
{
    private static readonly string[] ScreentimeColumns = ["Date", "App", "Usage (minutes)", "Notifications", "Times Opened"];
    private static readonly string[] NumericScreentimeColumns = ["Usage (minutes)", "Notifications", "Times Opened"];
    private static readonly string[] Apps = ["Instagram", "X", "WhatsApp", "8 Ball Pool", "Safari", "Netflix", "Facebook", "LinkedIn"];

    // Published summary statistics of the original screen-time data (data/README.md).
    private static readonly Dictionary<string, (double Min, double Max, double Mean, double Std, double Median)> PublishedColumns = new()
    {
        ["Usage (minutes)"] = (1, 119, 37.75, 29.7, 26),
        ["Notifications"] = (0, 147, 28.7, 35.8, 11.5),
        ["Times Opened"] = (1, 99, 21.6, 24.3, 10),
    };

    private static readonly Dictionary<(string, string), double> PublishedCorrelations = new()
    {
        [("Usage (minutes)", "Notifications")] = 0.28,
        [("Usage (minutes)", "Times Opened")] = 0.33,
        [("Notifications", "Times Opened")] = 0.80,
    };

    private static readonly Dictionary<string, double[]> PublishedAppMeans = new()
    {
        ["Instagram"] = [75.9, 49.8, 41.6],
        ["Netflix"] = [72.8, 0.4, 2.6],
        ["WhatsApp"] = [48.2, 99.9, 68.2],
        ["Facebook"] = [33.7, 39.7, 30.2],
        ["X"] = [27.0, 25.8, 13.2],
        ["8 Ball Pool"] = [18.1, 4.5, 7.3],
        ["LinkedIn"] = [15.6, 8.9, 4.8],
        ["Safari"] = [10.8, 0.7, 5.3],
    };

    [Fact]
    public void ScreentimeHasTheOriginalShape()
    {
        var table = LoadScreentime(Path.Combine(RepoRoot, "data", "screentime.csv"));

        Assert.Equal(ScreentimeColumns, table.Columns.Select(c => c.Name));
        Assert.Equal(200, table.Rows.Count);
        Assert.Equal(0, table.Columns.Sum(c => c.NullCount));

        var apps = ((StringDataFrameColumn)table["App"]).ToList();
        Assert.Equal(Apps.SelectMany(app => Enumerable.Repeat(app, 25)), apps);

        var dates = ((PrimitiveDataFrameColumn<DateTime>)table["Date"]).Select(d => d!.Value).ToList();
        Assert.All(dates, d => Assert.InRange(d, new DateTime(2024, 8, 1), new DateTime(2024, 8, 30)));
        Assert.Contains("2024-08-", File.ReadLines(Path.Combine(RepoRoot, "data", "screentime.csv")).ElementAt(1));
    }

    [Fact]
    public void ScreentimeMatchesThePublishedStatistics()
    {
        var table = LoadScreentime(Path.Combine(RepoRoot, "data", "screentime.csv"));

        foreach (var (column, published) in PublishedColumns)
        {
            var values = Values(table, column);
            output.WriteLine(FormattableString.Invariant(
                $"{column}: min {values.Min()} max {values.Max()} mean {values.Mean():F2} std {values.StandardDeviation():F2} median {values.Median()}"));
            Assert.InRange(values.Min(), published.Min, published.Max);
            Assert.InRange(values.Max(), published.Min, published.Max);
            AssertRelative(published.Mean, values.Mean(), 0.05, $"{column} mean");
            AssertRelative(published.Std, values.StandardDeviation(), 0.10, $"{column} std");
            // Medians of integer columns move in steps of 0.5; "close" here means within 2 or 10%.
            AssertAbsolute(published.Median, values.Median(), Math.Max(2, 0.10 * published.Median), $"{column} median");
        }

        foreach (var ((a, b), published) in PublishedCorrelations)
            AssertAbsolute(published, Correlation.Pearson(Values(table, a), Values(table, b)), 0.07, $"correlation {a}–{b}");

        foreach (var (app, means) in PublishedAppMeans)
        {
            var rows = RowsOf(table, app);
            for (int i = 0; i < NumericScreentimeColumns.Length; i++)
                AssertAppMean(means[i], Values(rows, NumericScreentimeColumns[i]).Mean(), $"{app} {NumericScreentimeColumns[i]} mean");
        }
    }

    [Fact]
    public void ScreentimeIsCloseToTheRealFileWhenItIsAvailable()
    {
        string? realPath = FindRealScreentime();
        if (realPath is null)
        {
            // xunit 2 has no runtime skip; the shared seed data only exists on the project's build machine.
            output.WriteLine("shared/data not found next to the repository; comparison with the real file not run.");
            return;
        }

        var simulated = LoadScreentime(Path.Combine(RepoRoot, "data", "screentime.csv"));
        var real = LoadScreentime(realPath);
        Assert.Equal(real.Rows.Count, simulated.Rows.Count);

        foreach (var column in NumericScreentimeColumns)
        {
            var r = Values(real, column);
            var s = Values(simulated, column);
            AssertRelative(r.Mean(), s.Mean(), 0.05, $"{column} mean vs real");
            AssertRelative(r.StandardDeviation(), s.StandardDeviation(), 0.10, $"{column} std vs real");
        }

        foreach (var (a, b) in PublishedCorrelations.Keys)
            AssertAbsolute(
                Correlation.Pearson(Values(real, a), Values(real, b)),
                Correlation.Pearson(Values(simulated, a), Values(simulated, b)),
                0.07, $"correlation {a}–{b} vs real");

        foreach (var app in Apps)
            foreach (var column in NumericScreentimeColumns)
                AssertAppMean(Values(RowsOf(real, app), column).Mean(), Values(RowsOf(simulated, app), column).Mean(), $"{app} {column} mean vs real");
    }

    [Fact]
    public void PenguinsHasItsRowsColumnsAndMissingValues()
    {
        var table = DataFrame.LoadCsv(
            Path.Combine(RepoRoot, "data", "penguins.csv"),
            dataTypes: [typeof(string), typeof(string), typeof(double), typeof(double), typeof(double), typeof(double), typeof(string)],
            cultureInfo: CultureInfo.InvariantCulture);

        Assert.Equal(
            ["Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(344, table.Rows.Count);

        foreach (var measured in new[] { "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)" })
            Assert.Equal(2, table[measured].NullCount);
        Assert.Equal(10, ((StringDataFrameColumn)table["Sex"]).Count(string.IsNullOrEmpty));
        Assert.Equal(0, ((StringDataFrameColumn)table["Species"]).Count(string.IsNullOrEmpty));

        var species = ((StringDataFrameColumn)table["Species"]).GroupBy(s => s!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Adelie"] = 152, ["Gentoo"] = 124, ["Chinstrap"] = 68 }, species);
        Assert.InRange(Values(table, "Body Mass (g)").Mean(), 4201 - 1, 4201 + 1);
    }

    [Fact]
    public void SeattleWeatherHasItsRowsAndColumns()
    {
        var table = DataFrame.LoadCsv(
            Path.Combine(RepoRoot, "data", "seattle-weather.csv"),
            dataTypes: [typeof(DateTime), typeof(double), typeof(double), typeof(double), typeof(double), typeof(string)],
            cultureInfo: CultureInfo.InvariantCulture);

        Assert.Equal(["date", "precipitation", "temp_max", "temp_min", "wind", "weather"], table.Columns.Select(c => c.Name));
        Assert.Equal(1461, table.Rows.Count);
        Assert.Equal(0, table.Columns.Sum(c => c.NullCount));

        var dates = ((PrimitiveDataFrameColumn<DateTime>)table["date"]).Select(d => d!.Value).ToList();
        Assert.Equal(new DateTime(2012, 1, 1), dates[0]);
        Assert.Equal(new DateTime(2015, 12, 31), dates[^1]);
        Assert.Equal(Enumerable.Range(0, 1461).Select(i => new DateTime(2012, 1, 1).AddDays(i)), dates);

        Assert.Equal(
            new[] { "drizzle", "fog", "rain", "snow", "sun" },
            ((StringDataFrameColumn)table["weather"]).Distinct().Order(StringComparer.Ordinal));
    }

    private static DataFrame LoadScreentime(string path) =>
        DataFrame.LoadCsv(
            path,
            dataTypes: [typeof(DateTime), typeof(string), typeof(int), typeof(int), typeof(int)],
            cultureInfo: CultureInfo.InvariantCulture);

    private static double[] Values(DataFrame table, string column) =>
        table[column].Cast<object?>().Where(v => v is not null).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();

    private static DataFrame RowsOf(DataFrame table, string app) =>
        table.Filter(((StringDataFrameColumn)table["App"]).ElementwiseEquals(app));

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            FormattableString.Invariant($"{what}: {actual:F3}, expected {expected:F3} ± {tolerance:P0}"));

    private static void AssertAbsolute(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance,
            FormattableString.Invariant($"{what}: {actual:F3}, expected {expected:F3} ± {tolerance:F2}"));

    // Per-app means over 25 rows: within 15%, or within 2 where 15% would be less than that.
    private static void AssertAppMean(double expected, double actual, string what) =>
        AssertAbsolute(expected, actual, Math.Max(2, 0.15 * expected), what);

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"SynthNotebooks.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string? FindRealScreentime()
    {
        for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "seeds", "Synthetic-Data-Generation-GAN", "screentime_analysis.csv");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
