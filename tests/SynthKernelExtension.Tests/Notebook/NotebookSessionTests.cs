using SynthCore.Evaluation.Scorecards;
using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore.Synthesizers;
using SynthKernelExtension.Formatters;
using SynthKernelExtension.Notebook;
using SynthReports;
using SynthTests.Support;

namespace SynthKernelExtension.Tests.Notebook;

public sealed class NotebookSessionTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-nb-" + Guid.NewGuid().ToString("N"));
    private readonly FakeNotebookKernel kernel = new();
    private readonly NotebookSession session;

    public NotebookSessionTests()
    {
        Directory.CreateDirectory(directory);
        session = new NotebookSession(kernel, ResamplingTestSynthesizer.Registry());
        kernel.Variables["df"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo" }));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private Task<int> Run(string line, CancellationToken cancellation = default) => session.RunAsync(line, cancellation);

    private SynthError SingleError()
    {
        var error = Assert.Single(kernel.Values<SynthError>());
        Assert.DoesNotContain("   at ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
        return error;
    }

    [Fact]
    public async Task Describe_reads_a_DataFrame_variable_and_shows_html()
    {
        Assert.Equal(0, await Run("#!synth describe --data df"));
        var shown = Assert.Single(kernel.Displays);
        Assert.IsType<TableDescription>(shown.Value);
        Assert.Contains("<b>df</b>: 6 rows, 2 columns", shown.Html);
        Assert.Contains("<td>city</td><td>categorical</td>", shown.Html);
    }

    [Fact]
    public async Task A_name_that_is_no_variable_is_read_as_a_csv_file()
    {
        string csv = PathIn("people.csv");
        File.WriteAllText(csv, "age,city\n30,Oslo\n41,Rome\n");
        Assert.Equal(0, await Run($"#!synth describe {csv}"));
        Assert.Contains("2 rows, 2 columns", Assert.Single(kernel.Displays).Html);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_or_an_unknown_name_is_one_clear_error()
    {
        kernel.Variables["text"] = "not a table";
        Assert.Equal(ExitCodes.DataOrOptionError, await Run("#!synth describe text"));
        Assert.Equal("The variable 'text' is a String, not a DataFrame.", SingleError().Message);
        Assert.Contains("synth-error", kernel.AllHtml);

        kernel.Displays.Clear();
        Assert.Equal(ExitCodes.DataOrOptionError, await Run("#!synth describe nothing_here"));
        Assert.Equal("There is no DataFrame variable, CSV or Parquet file, or folder called 'nothing_here'.", SingleError().Message);
    }

    [Fact]
    public async Task From_a_variable_that_is_no_connection_or_a_database_file_is_one_clear_error_naming_it()
    {
        // A connection itself is read in the real kernel (tests/SynthNotebooks.Tests), where a provider can be loaded.
        Assert.Equal(ExitCodes.DataOrOptionError, await Run("#!synth describe --from df --query \"select 1\""));
        var error = SingleError().Message;
        Assert.StartsWith("Option '--from': the variable 'df' is a DataFrame, not a database connection", error);
        Assert.Contains("DbConnection", error);

        kernel.Displays.Clear();
        Assert.Equal(ExitCodes.DataOrOptionError, await Run("#!synth describe --from duckdb:people.duckdb --query \"select 1\""));
        Assert.Contains("give --from conn", SingleError().Message);
        Assert.Empty(kernel.Values<TableDescription>());
    }

    [Fact]
    public async Task Fit_binds_the_model_into_a_variable_and_updates_one_progress_display()
    {
        string model = PathIn("m.synth");
        Assert.Equal(0, await Run($"#!synth fit df --model resample-test --epochs 4 --out {model} --into fitted"));

        var fitted = Assert.IsAssignableFrom<IFittedSynthesizer>(kernel.Variables["fitted"]);
        Assert.Equal(typeof(IFittedSynthesizer), kernel.DeclaredTypes["fitted"]);
        Assert.Equal(new[] { "age", "city" }, fitted.Metadata.Columns.Select(c => c.Name));
        Assert.True(File.Exists(model));

        var training = Assert.Single(kernel.Displays, d => d.Value is TrainingView);
        var view = (TrainingView)training.Value!;
        Assert.Equal(3 + 1, training.Updates); // 3 more reports after the first, then the final status
        Assert.Equal(TrainingStatus.Completed, view.Status);
        Assert.Equal(4, view.Losses.Count);
        Assert.Contains("Training finished", training.Html);
        Assert.Contains("Done: 4 steps", training.Html);

        // The first display and the final one carry plotly.js (the saved output draws on its own); the
        // frequent updates in between draw with the copy already on the page.
        Assert.Equal([true, false, false, false, true], training.History.Select(CarriesPlotly));
        Assert.Equal(0, await Run($"#!synth fit df --model resample-test --epochs 2 --out {PathIn("m2.synth")}"));
        // Without --into the variable is named after the model file.
        Assert.IsAssignableFrom<IFittedSynthesizer>(kernel.Variables["m2"]);
    }

    [Fact]
    public async Task A_DataFrame_exports_as_parquet_and_the_parquet_file_or_its_folder_reads_back()
    {
        Assert.Equal(0, await Run($"#!synth export df --out {PathIn("pq")} --name people --format parquet"));
        string file = Assert.Single(Directory.GetFiles(PathIn("pq"), "people_synthetic_*.parquet"));
        Assert.Equal(0, await Run($"#!synth describe {file}"));
        Assert.Equal(0, await Run($"#!synth describe {PathIn("pq")}"));
        var described = kernel.Displays.Where(shown => shown.Value is TableDescription).ToList();
        Assert.Equal(2, described.Count);
        Assert.All(described, shown => Assert.Contains("6 rows, 2 columns", shown.Html));
    }

    [Fact]
    public async Task Sample_reads_a_model_variable_and_binds_the_rows()
    {
        Assert.Equal(0, await Run($"#!synth fit df --model resample-test --epochs 1 --out {PathIn("m.synth")} --into fitted"));
        Assert.Equal(0, await Run($"#!synth sample fitted --rows 25 --seed 3 --out {PathIn("out")} --into rows"));
        var rows = Assert.IsType<DataFrame>(kernel.Variables["rows"]);
        Assert.Equal(25, rows.Rows.Count);
        Assert.Equal(typeof(DataFrame), kernel.DeclaredTypes["rows"]);
        Assert.Single(Directory.GetFiles(PathIn("out"), "fitted_synthetic_*.csv"));
        Assert.Contains(kernel.Values<StoredVariable>(), s => s.Name == "rows" && s.Summary == "25 rows x 2 columns");
    }

    [Fact]
    public async Task A_failed_fit_binds_nothing_and_marks_its_progress_failed()
    {
        Assert.Equal(ExitCodes.DataOrOptionError,
            await Run($"#!synth fit df --model resample-test --epochs 5 --option fail-at-step=3 --out {PathIn("m.synth")} --into fitted"));
        Assert.False(kernel.Variables.ContainsKey("fitted"));
        var view = Assert.Single(kernel.Values<TrainingView>());
        Assert.Equal(TrainingStatus.Failed, view.Status);
        Assert.Equal(2, view.Latest.Step);
        Assert.Contains("the test model was told to fail at step 3", SingleError().Message);
        Assert.Contains("Stopped after 2 of 5 steps", kernel.Displays.Single(d => d.Value is TrainingView).Html);
    }

    [Fact]
    public async Task Cancelling_marks_the_progress_cancelled_and_binds_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        kernel.OnDisplay = value =>
        {
            if (value is TrainingView { Latest.Step: 2 }) cancellation.Cancel();
        };
        Assert.Equal(ExitCodes.Cancelled, await Run($"#!synth fit df --model resample-test --epochs 50 --out {PathIn("m.synth")} --into fitted", cancellation.Token));
        Assert.False(kernel.Variables.ContainsKey("fitted"));
        Assert.False(File.Exists(PathIn("m.synth")));
        var view = Assert.Single(kernel.Values<TrainingView>());
        Assert.Equal(TrainingStatus.Cancelled, view.Status);
        Assert.Contains("Training cancelled", kernel.Displays.Single(d => d.Value is TrainingView).Html);
    }

    [Fact]
    public async Task Evaluate_shows_scores_and_charts_with_plotly_carried_once()
    {
        kernel.Variables["real"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30 }),
            new DoubleDataFrameColumn("income", new double[] { 3.5, 4.25, 3.0, 6.0, 4.0, 3.75 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo" }));
        kernel.Variables["synthetic"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 31, 40, 26, 50, 38, 29 }),
            new DoubleDataFrameColumn("income", new double[] { 3.25, 4.5, 3.5, 5.5, 4.0, 3.5 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Rome", "Lima", "Rome", "Oslo" }));
        Assert.Equal(0, await Run("#!synth evaluate real synthetic"));
        var shown = Assert.Single(kernel.Displays, d => d.Value is TableEvaluation);
        Assert.True(CarriesPlotly(shown.Html));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown.Html, "class=\"synth-plotly-js\""));
        Assert.IsType<TableEvaluation>(shown.Value);
        Assert.Contains("Real <code>real</code> (6 rows) against synthetic <code>synthetic</code> (6 rows)", shown.Html);
        Assert.Contains("Quality score ", shown.Html);
        Assert.Contains("<td>quality</td><td>Column Shapes</td>", shown.Html);
        Assert.Contains("Worst columns", shown.Html);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(shown.Html, "class=\"synth-chart\"").Count == 3 + 3, "a chart per column and three heatmaps");
        Assert.DoesNotContain("cdn.plot.ly", shown.Html);
    }

    [Fact]
    public async Task Evaluate_shows_detection_when_the_tables_have_rows_enough_for_its_folds()
    {
        DataFrame Table(double shift) => new(
            new DoubleDataFrameColumn("x", Enumerable.Range(0, 40).Select(i => (double)(i % 10) + shift)),
            new StringDataFrameColumn("k", Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "a" : "b")));
        kernel.Variables["real"] = Table(0);
        kernel.Variables["synthetic"] = Table(0.5);
        Assert.Equal(0, await Run("#!synth evaluate real synthetic"));
        var shown = Assert.Single(kernel.Displays, d => d.Value is TableEvaluation);
        var detection = Assert.IsType<TableEvaluation>(shown.Value).Detection!;
        Assert.Contains("<b>Detection</b>", shown.Html);
        Assert.Contains($"<td>boosted trees</td><td>{detection.BoostedTrees.Auc:0.000}</td>", shown.Html);
        Assert.Contains("40 rows of each, 5-fold", shown.Html);
    }

    [Fact]
    public async Task Into_must_be_a_variable_name_and_is_checked_before_fitting()
    {
        Assert.Equal(ExitCodes.DataOrOptionError, await Run($"#!synth fit df --model resample-test --out {PathIn("m.synth")} --into 2fast"));
        Assert.Contains("--into", SingleError().Message);
        Assert.Empty(kernel.Values<TrainingView>());
        Assert.False(File.Exists(PathIn("m.synth")));
    }

    [Theory]
    [InlineData("screen-time.v2", "screen_time_v2")]
    [InlineData("2024", "_2024")]
    [InlineData("class", "_class")]
    [InlineData("ok_name", "ok_name")]
    public void File_names_become_valid_variable_names(string file, string expected)
    {
        Assert.Equal(expected, VariableName.From(file));
        Assert.True(VariableName.IsValid(expected));
    }

    private static bool CarriesPlotly(string html) => html.Contains("class=\"synth-plotly-js\"", StringComparison.Ordinal);
}
