using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthKernelExtension.Formatters;
using SynthReports.Charts;
using Xunit.Abstractions;

namespace SynthKernelExtension.Tests.Browser;

/// <summary>
/// The headless check itself: chart outputs draw in a real browser, one output on a page of its own, and the
/// check fails when a chart does not draw or the page throws.
/// </summary>
public sealed class HeadlessChromiumTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("headless-chromium-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task One_embedded_chart_draws_on_its_own_page()
    {
        string screenshot = Path.Combine(folder.FullName, "one.png");
        var page = await Open(HeadlessChromium.WrapOutput(ChartHtml.Embed(Scatter("one")), "one chart"), screenshot);

        Assert.Equal(1, page.ChartDivs);
        Assert.Equal(1, page.DrawnPlots);
        Assert.True(page.MainSvgs >= 1, $"main-svg layers: {page.MainSvgs}");
        Assert.Empty(page.JavaScriptErrors);
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 1000, $"screenshot of {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task Every_kind_of_chart_we_build_draws()
    {
        // plotly.js can fail on a figure that is valid JSON (a two-column splom without diagonal did), so each
        // kind of chart behind the magics is drawn for real, with the pair plot at two and at four columns.
        var real = new DataFrame(new DoubleDataFrameColumn("a", [1.0, 2, 3, 4, 5]), new DoubleDataFrameColumn("b", [2.0, 1, 4, 3, 5]),
            new DoubleDataFrameColumn("c", [5.0, 3, 4, 1, 2]), new DoubleDataFrameColumn("d", [1.0, 1, 2, 3, 5]));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("a", [1.5, 2, 3.5, 4]), new DoubleDataFrameColumn("b", [2.0, 1.5, 4, 3]),
            new DoubleDataFrameColumn("c", [5.0, 3, 4, 2]), new DoubleDataFrameColumn("d", [1.0, 2, 2, 3]));
        object?[] Values(DataFrame table, string column) => Enumerable.Range(0, (int)table.Rows.Count).Select(i => table.Columns[column][i]).ToArray();
        Figure[] charts =
        [
            EvaluationCharts.Distribution("a", ColumnKind.Continuous, Values(real, "a"), Values(synthetic, "a")),
            EvaluationCharts.Distribution("k", ColumnKind.Categorical, ["x", "y", "x"], ["y", "y"]),
            EvaluationCharts.CorrelationHeatmap("Real", ["a", "b"], [[1.0, 0.5], [0.5, 1.0]]),
            QqChart.Build("a", Values(real, "a"), Values(synthetic, "a")),
            PairPlot.Build(["a", "b"], real, synthetic),
            PairPlot.Build(["a", "b", "c", "d"], real, synthetic),
            ComparisonChart.Build(Ranking()),
        ];
        var page = await Open(HeadlessChromium.WrapOutput(string.Concat(charts.Select(ChartHtml.Embed)), "every kind"));

        Assert.Equal(charts.Length, page.ChartDivs);
        Assert.Equal(charts.Length, page.DrawnPlots);
        Assert.Empty(page.JavaScriptErrors);
    }

    /// <summary>Two "models" scored on a 60-row table: one returns fresh rows of the same kind, one shifted rows.</summary>
    private static SynthCore.Evaluation.Scorecards.ModelRanking Ranking()
    {
        DataFrame Table(int offset, double shift) => new(
            new DoubleDataFrameColumn("x", Enumerable.Range(offset, 30).Select(i => (double)(i * 7 % 13) + shift)),
            new StringDataFrameColumn("k", Enumerable.Range(offset, 30).Select(i => i % 3 == 0 ? "a" : "b")));
        var (training, holdout) = (Table(0, 0), Table(30, 0));
        var metadata = TableMetadata.Detect(training);
        var cards = new[] { ("fresh", Table(60, 0)), ("shifted", Table(60, 4)) }
            .Select(m => SynthCore.Evaluation.Scorecards.Scorecard.Measure(m.Item1, 0.1, 0.01, training, holdout, m.Item2, metadata, null, 1)).ToArray();
        return SynthCore.Evaluation.Scorecards.ModelRanking.Rank("test", 30, 30, null, 1, cards);
    }

    [Fact]
    public async Task Two_embedded_charts_on_one_page_both_draw()
    {
        // Each output carries plotly.js; the second loader finds the first one's and its chart waits for it.
        string html = ChartHtml.Embed(Scatter("first")) + "\n" + ChartHtml.Embed(Scatter("second"));
        var page = await Open(HeadlessChromium.WrapOutput(html, "two charts"));

        Assert.Equal(2, page.ChartDivs);
        Assert.Equal(2, page.DrawnPlots);
        Assert.Empty(page.JavaScriptErrors);
    }

    [Fact]
    public async Task A_broken_figure_is_reported_and_does_not_draw()
    {
        string chart = ChartHtml.Embed(Scatter("broken"));
        string broken = chart.Replace("var figure = {", "var figure = {{", StringComparison.Ordinal);
        Assert.NotEqual(chart, broken);
        var page = await Open(HeadlessChromium.WrapOutput(broken, "broken figure"));

        Assert.Equal(1, page.ChartDivs);
        Assert.Equal(0, page.DrawnPlots);
        Assert.Contains(page.JavaScriptErrors, error => error.Contains("SyntaxError", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_error_beside_a_chart_is_reported()
    {
        string html = ChartHtml.Embed(Scatter("beside")) + "<script>Promise.resolve().then(function () { throw new Error('boom in promise'); });</script>"
            + "<script>throw new Error('boom');</script>";
        var page = await Open(HeadlessChromium.WrapOutput(html, "error beside a chart"));

        Assert.Equal(1, page.DrawnPlots);
        Assert.Equal(2, page.JavaScriptErrors.Count);
        Assert.Contains(page.JavaScriptErrors, error => error.Contains("Uncaught Error: boom", StringComparison.Ordinal));
        Assert.Contains(page.JavaScriptErrors, error => error.Contains("Uncaught (in promise) Error: boom in promise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_of_a_page_without_the_hook_come_from_the_browser_log()
    {
        var page = await Open("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>plain</p>"
            + "<script>console.log('not an error');</script><script>missingFunction();</script></body></html>");

        Assert.Equal(0, page.ChartDivs);
        var error = Assert.Single(page.JavaScriptErrors);
        Assert.Contains("ReferenceError: missingFunction is not defined", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_the_network_is_blocked_and_reported()
    {
        // An output that leaned on a CDN would draw in a browser online and fail offline; the wrapper blocks it always.
        var page = await Open(HeadlessChromium.WrapOutput("<script src=\"https://cdn.plot.ly/plotly-3.7.0.min.js\"></script>"
            + FigureHtml.Div(Scatter("cdn")), "cdn"));

        Assert.Equal(0, page.DrawnPlots);
        var error = Assert.Single(page.JavaScriptErrors);
        Assert.Contains("Blocked script-src-elem: https://cdn.plot.ly/plotly-3.7.0.min.js", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chart_without_plotly_draws_nothing()
    {
        // The figure's div and script alone: nothing on the page loads plotly.js, so the chart waits and gives up.
        var page = await Open(HeadlessChromium.WrapOutput(FigureHtml.Div(Scatter("alone")), "no plotly"));

        Assert.Equal(1, page.ChartDivs);
        Assert.Equal(0, page.DrawnPlots);
        Assert.Equal(0, page.MainSvgs);
        Assert.Empty(page.JavaScriptErrors);
    }

    [Fact]
    public async Task A_run_past_its_timeout_leaves_no_browser_process()
    {
        string file = Path.Combine(folder.FullName, "slow.html");
        File.WriteAllText(file, HeadlessChromium.WrapOutput(ChartHtml.Embed(Scatter("slow")), "slow"));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => HeadlessChromium.OpenAsync(file, null, TimeSpan.FromMilliseconds(500)));

        // Every Chromium process of the run has its profile folder on its command line.
        string profile = Assert.IsType<string>(timeout.Data[HeadlessChromium.UserDataDirKey]);
        Assert.Empty(ProcessesMentioning(profile));
    }

    private static Figure Scatter(string title) => new(
        [new Trace("scatter").Set("x", new[] { 1.0, 2, 3 }).Set("y", new[] { 2.0, 1, 3 }).Set("mode", "lines+markers")],
        new Layout().Set("title", new Dictionary<string, object> { ["text"] = title }));

    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (string process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal)) found.Add(Path.GetFileName(process) + ": " + commandLine);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not a process folder, or the process ended meanwhile.
            }
        }
        return found;
    }

    private async Task<PageCheck> Open(string html, string? screenshot = null)
    {
        string file = Path.Combine(folder.FullName, "page.html");
        File.WriteAllText(file, html);
        var clock = Stopwatch.StartNew();
        var page = await HeadlessChromium.OpenAsync(file, screenshot, Timeout);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s{(screenshot is null ? "" : " (with screenshot)")}: "
            + $"{page.DrawnPlots} drawn of {page.ChartDivs} chart divs, {page.MainSvgs} main-svg, errors: [{string.Join(" | ", page.JavaScriptErrors)}]");
        return page;
    }
}
