using Microsoft.Data.Analysis;
using SynthKernelExtension.Formatters;
using SynthReports.Charts;

namespace SynthKernelExtension.Tests.Browser;

/// <summary>A pair plot draws in a real browser however few columns it has (plotly.js's splom has a case it cannot draw).</summary>
public sealed class PairPlotBrowserTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("pair-plot-browser-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_pair_plot_draws_without_a_JavaScript_error(int columns)
    {
        string[] names = Enumerable.Range(0, columns).Select(c => "c" + c).ToArray();
        var figure = PairPlot.Build(names, Table(names, seed: 1), Table(names, seed: 2));
        string file = Path.Combine(folder.FullName, $"pairs-{columns}.html");
        File.WriteAllText(file, HeadlessChromium.WrapOutput(ChartHtml.Embed(figure), $"pair plot of {columns} columns"));

        var page = await HeadlessChromium.OpenAsync(file, null, TimeSpan.FromMinutes(2));

        Assert.Empty(page.JavaScriptErrors);
        Assert.Equal(1, page.DrawnPlots);
    }

    private static DataFrame Table(string[] names, int seed)
    {
        var random = new Random(seed);
        return new DataFrame(names.Select(n => new DoubleDataFrameColumn(n, Enumerable.Range(0, 50).Select(_ => random.NextDouble()))));
    }
}
