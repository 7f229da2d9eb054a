using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthReports.Charts;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>plot</c>, <c>export</c> and <c>run --report</c> through the in-memory host, and help naming the host.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-plot-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public PlotCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["real"] = PeopleTable.Create(60, 1);
        host.Tables["synth"] = PeopleTable.Create(40, 2);
        host.Tables["daily"] = DailySeries.Table();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    /// <summary>The page inlines plotly.js once, refers to nothing on the network, and draws <paramref name="charts"/> charts.</summary>
    private static string AssertStandalonePage(string path, int charts)
    {
        string page = File.ReadAllText(path);
        int first = page.IndexOf(PlotlyScript.InlineScriptTag, StringComparison.Ordinal);
        Assert.True(first >= 0, "plotly.js is not inlined");
        Assert.Equal(first, page.LastIndexOf(PlotlyScript.InlineScriptTag, StringComparison.Ordinal));
        Assert.DoesNotMatch("<script[^>]*src=", page);
        Assert.DoesNotContain("cdn.plot.ly", page.Replace(PlotlyScript.InlineScriptTag, ""));
        Assert.DoesNotContain("http", page.Replace(PlotlyScript.InlineScriptTag, ""));
        Assert.Equal(charts, Regex.Matches(page, "class=\"synth-chart\"").Count);
        return page;
    }

    [Theory]
    [InlineData("distributions", 4, "\"type\":\"bar\"")]
    [InlineData("qq", 3, "\"name\":\"y = x\"")]
    [InlineData("correlation", 3, "\"type\":\"heatmap\"")]
    [InlineData("pairs", 1, "\"type\":\"splom\"")]
    [InlineData("pca", 1, "\"name\":\"synthetic\"")]
    [InlineData("tsne", 1, "t-SNE")]
    public void Each_tabular_kind_writes_a_standalone_page(string kind, int charts, string expected)
    {
        string html = PathIn(kind + ".html");
        Assert.Equal(0, Run("plot", "real", "synth", "--kind", kind, "--out", html));
        Assert.Empty(host.Errors);
        string page = AssertStandalonePage(html, charts);
        Assert.Contains(expected, page);
        Assert.Matches($@"^Wrote the {kind} plot \({charts} charts?\) to {Regex.Escape(html)} \([0-9,]+ bytes\)\.$", Assert.Single(host.Lines));
    }

    [Fact]
    public void Columns_choose_what_is_drawn_and_bad_options_are_named()
    {
        string html = PathIn("qq.html");
        Assert.Equal(0, Run("plot", "real", "synth", "--kind", "qq", "--columns", "income", "--out", html));
        Assert.Contains("Q-Q plot: income", AssertStandalonePage(html, 1));

        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "qq", "--columns", "city", "--out", PathIn("x.html")));
        Assert.Contains("'--columns'", host.Errors[^1]);
        Assert.Contains("'city' is categorical", host.Errors[^1]);
        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "pairs", "--columns", "age,nope", "--out", PathIn("x.html")));
        Assert.Contains("unknown column 'nope'", host.Errors[^1]);
        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "violin"));
        Assert.Contains("'--kind': unknown kind 'violin'", host.Errors[^1]);
        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "latent"));
        Assert.Contains("'--model'", host.Errors[^1]);
        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "qq", "--model", "m.synth"));
        Assert.Contains("only applies with --kind latent", host.Errors[^1]);
        Assert.Equal(2, Run("plot", "real", "synth"));
        Assert.Contains("--kind", host.Errors[^1]);
        Assert.False(File.Exists(PathIn("x.html")));
    }

    [Fact]
    public void Latent_plot_encodes_both_tables_with_a_vae_model_file()
    {
        string model = PathIn("vae.synth"), copula = PathIn("copula.synth");
        Assert.Equal(0, Run("fit", "real", "--model", "vae", "--epochs", "2", "--out", model));
        Assert.Equal(0, Run("fit", "real", "--model", "copula", "--out", copula));
        string html = PathIn("latent.html");
        Assert.Equal(0, Run("plot", "real", "synth", "--kind", "latent", "--model", model, "--out", html));
        string page = AssertStandalonePage(html, 1);
        // The vae's 8 latent dimensions are drawn on the real codes' first two principal components.
        Assert.Contains("latent PC1", page);
        Assert.Contains("encoder&#39;s latent means (8 dimensions)", page);

        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "latent", "--model", copula, "--out", PathIn("x.html")));
        Assert.Contains("'--model'", host.Errors[^1]);
        Assert.Contains("is a copula model; the latent plot needs a tvae or vae model", host.Errors[^1]);
    }

    [Fact]
    public void Plot_never_replaces_a_file()
    {
        string html = PathIn("mine.html");
        File.WriteAllText(html, "mine");
        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "pca", "--out", html));
        Assert.Contains("already exists", Assert.Single(host.Errors));
        Assert.Equal("mine", File.ReadAllText(html));
    }

    [Fact]
    public void Sequence_plots_and_the_sequence_run_report()
    {
        string report = PathIn("seq.html");
        Assert.Equal(0, Run("run", "daily", "--model", "arima", "--seq-len", "10", "--rows", "6", "--out", directory, "--into", "generated", "--report", report, "--score-iterations", "10"));
        Assert.Empty(host.Errors);
        // A chart per feature, the windows' PCA, and the loss curve of ARIMA's fit.
        string page = AssertStandalonePage(report, 2 + 1 + 1);
        Assert.Contains("<h2>Per feature</h2>", page);
        Assert.Contains("<h2>Training losses</h2>", page);
        Assert.Contains("Autocorrelation (real / synthetic)", page);
        // The TimeGAN paper's scores and the toolkit's mean series correlation are in the report too.
        Assert.Contains("<h2>TimeGAN scores</h2>", page);
        Assert.Contains("predictive (train on synthetic, test on real)", page);
        Assert.Contains("Mean correlation of each synthetic series", page);
        // Titles travel inside the figure JSON, whose writer escapes HTML-sensitive characters such as the apostrophe.
        Assert.Contains("Sequence windows on the real windows\\u0027 principal components", page);
        Assert.Contains($"Wrote {report}", host.Lines);

        host.Tables["generated"] = (DataFrame)host.Stored["generated"];
        string series = PathIn("series.html");
        Assert.Equal(0, Run("plot", "daily", "generated", "--kind", "series", "--sequences", "2", "--out", series));
        page = AssertStandalonePage(series, 2);
        Assert.Contains("\"name\":\"synthetic #3\"", page);
        Assert.Equal(0, Run("plot", "daily", "generated", "--kind", "pca", "--columns", "value", "--out", PathIn("pca.html")));
        Assert.Contains("PCA fitted on the 111 real windows", AssertStandalonePage(PathIn("pca.html"), 1));

        Assert.Equal(1, Run("plot", "real", "synth", "--kind", "series", "--out", PathIn("x.html")));
        Assert.Contains("'--kind'", host.Errors[^1]);
        Assert.Contains("sequence_id", host.Errors[^1]);
    }

    [Fact]
    public void Run_report_is_the_evaluation_report_of_the_synthetic_rows()
    {
        string report = PathIn("run.html");
        string json = PathIn("run.json");
        var registry = ResamplingTestSynthesizer.Registry();
        var run = new SynthCommandExecutor(registry);
        Assert.Equal(0, run.Execute(["run", "real", "--model", ResamplingTestSynthesizer.Name, "--rows", "30", "--out", directory, "--report", report, "--json", json], host));
        Assert.Empty(host.Errors);
        string page = AssertStandalonePage(report, 4 + 3 + 1 + 1);
        Assert.Contains("<h1>Synthetic data evaluation</h1>", page);
        Assert.Contains("(30 rows)", page);
        Assert.Contains("<h2>Training losses</h2>", page);

        // The report file is checked before any work: an existing one stops the run with nothing exported.
        int csvs = Directory.GetFiles(directory, "*.csv").Length;
        Assert.Equal(1, run.Execute(["run", "real", "--model", ResamplingTestSynthesizer.Name, "--out", directory, "--report", report], host));
        Assert.Contains("--force", host.Errors[^1]);
        Assert.Equal(csvs, Directory.GetFiles(directory, "*.csv").Length);
        Assert.Equal(1, run.Execute(["run", "real", "--model", ResamplingTestSynthesizer.Name, "--out", directory, "--report", json, "--json", json, "--force"], host));
        Assert.Contains("also the --json file", host.Errors[^1]);
    }

    [Fact]
    public void Export_writes_timestamped_csv_files_and_never_overwrites()
    {
        string outDir = PathIn("out");
        Assert.Equal(0, Run("export", "synth", "--out", outDir));
        Assert.Equal(0, Run("export", "synth", "--out", outDir));
        var files = Directory.GetFiles(outDir, "synth_synthetic_*.csv").Order().ToArray();
        Assert.Equal(2, files.Length);
        foreach (var (line, file) in host.Lines.Zip(files))
            Assert.Equal($"Wrote 40 rows x 4 columns to {file} ({new FileInfo(file).Length:N0} bytes).", line);
        var back = CsvTable.Read(files[0]);
        Assert.Equal(40, back.Rows.Count);
        Assert.Equal(host.Tables["synth"].Columns["income"][7], back.Columns["income"][7]);

        Assert.Equal(1, Run("export", "synth", "--out", outDir, "--name", "a/b"));
        Assert.Contains("'--name'", host.Errors[^1]);
        Assert.Equal(1, Run("export", "missing"));
        Assert.Contains("'missing'", host.Errors[^1]);
    }

    [Theory]
    [InlineData("outputs/penguins_synthetic_20261122_231500.csv", "penguins")]
    [InlineData("outputs/penguins_synthetic_20261122_231500_3.csv", "penguins")]
    [InlineData("wind_forecast_20261122_231500.csv", "wind")]
    [InlineData("synthetic", "synthetic")]
    [InlineData("my_synthetic_data.csv", "my_synthetic_data")]
    public void Export_names_drop_an_earlier_exports_stamp(string data, string expected) =>
        Assert.Equal(expected, ExportCommand.DefaultName(data));

    [Fact]
    public void Help_names_the_console_command()
    {
        Assert.Equal(0, Run("plot", "--help"));
        string help = string.Join("\n", host.Lines);
        Assert.Contains("  synth plot [<real> [<synthetic>]] [options]", help); // the real table may be --from with --query instead
        Assert.Contains("--kind", help);
        Assert.Equal(0, Run("--help"));
        Assert.Contains("  synth [command] [options]", host.Lines[^1]);
        Assert.Equal(2, Run("plot", "a"));
        Assert.EndsWith("Run 'synth plot --help' for usage.", host.Errors[^1]);
    }
}
