using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthKernelExtension.Notebook;
using SynthReports.Charts;
using SynthTests.Support;

namespace SynthKernelExtension.Tests.Notebook;

/// <summary><c>#!synth plot</c> and <c>#!synth forecast</c> in a notebook: what the cell displays and binds (the commands themselves are tested in SynthCommands.Tests).</summary>
public sealed class NotebookCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-nb-commands-" + Guid.NewGuid().ToString("N"));

    public NotebookCommandTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Notebook_plot_displays_the_chart_with_plotly_once_and_help_says_hash_synth()
    {
        var kernel = new FakeNotebookKernel();
        kernel.Variables["real"] = PeopleTable.Create(60, 1);
        kernel.Variables["synth"] = PeopleTable.Create(40, 2);
        var session = new NotebookSession(kernel, SynthesizerRegistry.Default);
        Assert.Equal(0, await session.RunAsync("#!synth plot real synth --kind qq"));
        Assert.Equal(0, await session.RunAsync("#!synth plot real synth --kind pairs --columns age,income"));
        var pages = kernel.Values<ChartPage>().ToArray();
        // Each output carries plotly.js's loader once, so that it draws on its own.
        Assert.All(kernel.Displays.Where(d => d.Value is ChartPage), d => Assert.Single(Regex.Matches(d.Html, "class=\"synth-plotly-js\"")));
        Assert.Equal(2, pages.Length);
        Assert.Equal(3, pages[0].Charts.Count);
        string html = kernel.AllHtml;
        Assert.Contains("<div class=\"synth-plot\">", html);
        Assert.Equal(4, Regex.Matches(html, "class=\"synth-chart\"").Count);
        Assert.DoesNotContain("Wrote the", html);

        Assert.Equal(0, await session.RunAsync("#!synth plot --help"));
        Assert.Contains("  #!synth plot [&lt;real&gt; [&lt;synthetic&gt;]] [options]", kernel.AllHtml); // the real table may be --from with --query (console)
        Assert.Equal(2, await session.RunAsync("#!synth plot real"));
        Assert.Contains("Run &#39;#!synth plot --help&#39; for usage.", kernel.AllHtml);
    }

    [Fact]
    public async Task In_a_notebook_into_binds_the_forecast_DataFrame()
    {
        var kernel = new FakeNotebookKernel();
        kernel.Variables["series"] = ShuffledDailySeries.Create().Table;
        var session = new NotebookSession(kernel);
        Assert.Equal(0, await session.RunAsync($"#!synth forecast series --column value --horizon 6 --order 1,0,0 --out {Path.Combine(directory, "out")} --into fc"));
        var table = Assert.IsType<DataFrame>(kernel.Variables["fc"]);
        Assert.Equal(6, table.Rows.Count);
        Assert.Contains(kernel.Displays, d => d.Value is ForecastSummary && d.Html.Contains("synth-forecast"));
    }

    [Fact]
    public async Task Fit_rows_in_a_notebook_streams_a_file_and_samples_a_variable_which_comes_first()
    {
        var kernel = new FakeNotebookKernel();
        string file = Path.Combine(directory, "people.csv");
        SynthCore.Data.CsvTable.Write(PeopleTable.Create(300, 3), file);
        var session = new NotebookSession(kernel, SynthesizerRegistry.Default);
        Assert.Equal(0, await session.RunAsync($"#!synth fit {file} --model copula --fit-rows 50 --out {Path.Combine(directory, "a.synth")} --into a"));
        Assert.Contains("a seeded sample of 50 of 300 rows", kernel.AllHtml);

        // A variable named like a file is the variable: its 120 rows are sampled, not the file's 300.
        kernel.Variables["people"] = PeopleTable.Create(120, 4);
        File.Copy(file, Path.Combine(directory, "people"));
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(directory); // test classes run one at a time (TestParallelization.cs)
        try
        {
            Assert.Equal(0, await session.RunAsync($"#!synth fit people --model copula --fit-rows 50 --out {Path.Combine(directory, "b.synth")} --into b"));
        }
        finally { Directory.SetCurrentDirectory(previous); }
        Assert.Contains("a seeded sample of 50 of 120 rows", kernel.AllHtml);
    }
}
