using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Training;
using SynthTests.Support;

namespace SynthCommands.Tests;

public sealed class ExecutorTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-exec-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(ResamplingTestSynthesizer.Registry());

    public ExecutorTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["df"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30 }),
            new DoubleDataFrameColumn("income", new double?[] { 3.5, 4.25, null, 6.0, 4.0, 3.75 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo" }));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    private void AssertOneError(int expectedCode, int code, params string[] fragments)
    {
        Assert.Equal(expectedCode, code);
        var line = Assert.Single(host.Errors);
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain("   at ", line);
        foreach (var fragment in fragments) Assert.Contains(fragment, line);
    }

    [Fact]
    public void Describe_shows_kinds_missing_and_distinct_counts()
    {
        Assert.Equal(0, Run("describe", "df", "--categorical", "age"));
        var description = Assert.IsType<TableDescription>(Assert.Single(host.Shown));
        Assert.Equal(6, description.Rows);
        var age = description.Columns[0];
        Assert.Equal(ColumnKind.Categorical, age.Kind);
        Assert.True(age.Overridden);
        Assert.Equal(5, age.DistinctCount);
        var income = description.Columns[1];
        Assert.Equal(ColumnKind.Continuous, income.Kind);
        Assert.Equal(1, income.MissingCount);
        Assert.Equal(100.0 / 6, income.MissingPercent, 10);

        string text = TextRendering.Render(description);
        Assert.Contains("df: 6 rows, 3 columns", text);
        Assert.Contains("categorical (set)", text);
        Assert.Contains("16.7%", text);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Describe_writes_json()
    {
        string json = PathIn("describe.json");
        Assert.Equal(0, executor.Execute("#!synth describe --data df --json " + json, host));
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(6, (int)node["rows"]!);
        Assert.Equal("income", (string)node["columns"]![1]!["name"]!);
        Assert.Equal("continuous", (string)node["columns"]![1]!["kind"]!);
        Assert.Equal(1, (int)node["columns"]![1]!["missing_count"]!);
        Assert.Equal(3, (int)node["columns"]![2]!["distinct_count"]!);
    }

    [Fact]
    public void Fit_saves_a_model_file_shows_progress_and_refuses_to_overwrite()
    {
        string model = PathIn("m.synth");
        Assert.Equal(0, Run("fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model, "--epochs", "4", "--seed", "3"));
        Assert.True(File.Exists(model));
        Assert.Equal(4, host.Shown.OfType<TrainingProgress>().Count());
        Assert.Contains("m", host.Stored.Keys);
        Assert.Contains(host.Lines, l => l.Contains("Saved the resample-test model to"));
        Assert.Single(Directory.GetFiles(directory));

        byte[] before = File.ReadAllBytes(model);
        host.Errors.Clear();
        AssertOneError(ExitCodes.DataOrOptionError, Run("fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model), "already exists", "--force");
        Assert.Equal(before, File.ReadAllBytes(model));

        host.Errors.Clear();
        Assert.Equal(0, Run("fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model, "--force", "--seed", "4"));
        Assert.NotEqual(before, File.ReadAllBytes(model));
    }

    [Fact]
    public void Sample_from_a_fitted_model_writes_a_timestamped_csv_and_json()
    {
        string model = PathIn("m.synth");
        Assert.Equal(0, Run("fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model));
        string outDir = PathIn("out");
        string json = PathIn("sample.json");
        Assert.Equal(0, Run("sample", model, "--rows", "25", "--seed", "5", "--out", outDir, "--name", "people", "--json", json));

        var csv = Assert.Single(Directory.GetFiles(outDir));
        Assert.Matches(@"people_synthetic_\d{8}_\d{6}\.csv$", csv);
        Assert.Equal(26, File.ReadAllLines(csv).Length);
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(csv, (string)node["output_csv"]!);
        Assert.Equal(25, (int)node["rows"]!);
        Assert.Equal(3, (int)node["columns"]!);
        Assert.Equal(new FileInfo(csv).Length, (long)node["bytes"]!);
        Assert.Equal(5, (int)node["seed"]!);
        Assert.IsType<DataFrame>(host.Stored["people"]);
    }

    [Fact]
    public void Large_samples_stream_to_the_file_in_chunks_the_same_way_every_time()
    {
        string model = PathIn("m.synth");
        Assert.Equal(0, Run("fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model));
        int rows = 2 * SampleCommand.ChunkRows + 123;

        Assert.Equal(0, Run("sample", model, "--rows", rows.ToString(), "--seed", "5", "--out", PathIn("a"), "--name", "big"));
        Assert.Equal(0, Run("sample", model, "--rows", rows.ToString(), "--seed", "5", "--out", PathIn("b"), "--name", "big"));

        string first = Assert.Single(Directory.GetFiles(PathIn("a")));
        Assert.Equal(rows + 1, File.ReadLines(first).Count());
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Assert.Single(Directory.GetFiles(PathIn("b")))));
        Assert.False(host.Stored.ContainsKey("big"));
        Assert.Contains(host.Lines, l => l.Contains("Streamed") && l.Contains("chunks of 100,000"));

        // The first chunk is exactly what a plain sample of that many rows gives.
        Assert.Equal(0, Run("sample", model, "--rows", SampleCommand.ChunkRows.ToString(), "--seed", "5", "--out", PathIn("c"), "--name", "big"));
        Assert.Equal(File.ReadLines(Assert.Single(Directory.GetFiles(PathIn("c")))), File.ReadLines(first).Take(SampleCommand.ChunkRows + 1));
    }

    [Fact]
    public void Run_fits_samples_compares_exports_and_summarises()
    {
        string outDir = PathIn("out");
        string json = PathIn("run.json");
        Assert.Equal(0, Run("run", "df", "--model", ResamplingTestSynthesizer.Name, "--out", outDir, "--json", json, "--epochs", "3", "--seed", "11"));

        var comparison = Assert.Single(host.Shown.OfType<TableComparison>());
        Assert.Equal(6, comparison.SyntheticRows); // --rows defaults to the input's rows
        Assert.Equal(["age", "income"], comparison.Numeric.Select(n => n.Column));
        Assert.Equal("city", Assert.Single(comparison.Categorical).Column);
        string text = TextRendering.Render(comparison);
        Assert.Contains("similarity %", text);
        Assert.Contains("KS D", text);
        Assert.Contains("Pearson correlations, real", text);
        Assert.Contains("Difference (synthetic - real)", text);

        var csv = Assert.Single(Directory.GetFiles(outDir));
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(csv, (string)node["output_csv"]!);
        Assert.Equal(6, (int)node["rows"]!);
        Assert.Equal(3, (int)node["columns"]!);
        Assert.Equal(new FileInfo(csv).Length, (long)node["bytes"]!);
        Assert.Equal(ResamplingTestSynthesizer.Name, (string)node["model"]!);
        Assert.Equal(11, (int)node["seed"]!);
        Assert.True((double)node["timings"]!["fit_seconds"]! >= 0);
        Assert.True((double)node["timings"]!["sample_seconds"]! >= 0);
        // The test model reports every 0.5 s of (simulated) elapsed time.
        Assert.Equal([0.5, 0.5, 0.5], node["timings"]!["epoch_seconds"]!.AsArray().Select(x => (double)x!));
        var age = node["comparison"]!["numeric"]![0]!;
        Assert.Equal("age", (string)age["column"]!);
        Assert.NotNull(age["real"]!["mean"]);
        Assert.NotNull(age["ks"]!["statistic"]);
        Assert.NotNull(node["comparison"]!["categorical"]![0]!["total_variation_distance"]);
        Assert.NotNull(node["comparison"]!["correlation"]!["frobenius_norm"]);
    }

    [Fact]
    public void Run_honours_rows()
    {
        Assert.Equal(0, Run("run", "df", "--model", ResamplingTestSynthesizer.Name, "--out", PathIn("o"), "--rows", "40"));
        Assert.Equal(40, Assert.Single(host.Shown.OfType<TableComparison>()).SyntheticRows);
    }

    [Fact]
    public void Models_lists_the_registry()
    {
        Assert.Equal(0, Run("models"));
        var list = Assert.IsType<ModelList>(Assert.Single(host.Shown));
        Assert.Equal(ResamplingTestSynthesizer.Name, Assert.Single(list.Models).Name);
        Assert.Contains("resamples the rows", TextRendering.Render(list));
    }

    [Fact]
    public void Help_is_written_as_output()
    {
        Assert.Equal(0, Run("--help"));
        Assert.Contains(host.Lines, l => l.Contains("describe") && l.Contains("sample") && l.Contains("models"));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Cancelling_during_the_fit_exits_130_and_writes_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        host.OnShow = value => { if (value is TrainingProgress { Step: 2 }) cancellation.Cancel(); };
        string model = PathIn("m.synth");
        int code = executor.Execute(["fit", "df", "--model", ResamplingTestSynthesizer.Name, "--out", model], host, cancellation.Token);
        AssertOneError(ExitCodes.Cancelled, code, "cancelled");
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Cancelling_a_run_leaves_no_csv()
    {
        using var cancellation = new CancellationTokenSource();
        host.OnShow = value => { if (value is TrainingProgress) cancellation.Cancel(); };
        int code = executor.Execute(["run", "df", "--model", ResamplingTestSynthesizer.Name, "--out", PathIn("out"), "--json", PathIn("r.json")], host, cancellation.Token);
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    // Usage errors: the command line does not fit the grammar → exit 2.
    [Theory]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new string[0], "Required command")]
    [InlineData(new[] { "describe" }, "needs a table")]
    [InlineData(new[] { "describe", "df", "--data", "df" }, "not both")]
    [InlineData(new[] { "describe", "df", "--bogus" }, "--bogus")]
    [InlineData(new[] { "fit", "df", "--out", "x.synth" }, "--model")]
    [InlineData(new[] { "sample", "m.synth" }, "--rows")]
    [InlineData(new[] { "sample", "--rows", "5" }, "model")]
    public void Usage_errors_give_one_line_and_exit_2(string[] args, string fragment) =>
        AssertOneError(ExitCodes.UsageError, Run(args), fragment);

    // Data and option errors → exit 1, one line naming the problem.
    [Theory]
    [InlineData(new[] { "describe", "nope" }, "nope")]
    [InlineData(new[] { "describe", "df", "--categorical", "age,zip" }, "--categorical", "unknown column 'zip'")]
    [InlineData(new[] { "fit", "df", "--model", "gpt", "--out", "x.synth" }, "--model", "unknown model 'gpt'")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--rows", "0" }, "--rows", "greater than 0")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--rows", "-3" }, "--rows", "greater than 0")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--rows", "many" }, "--rows", "not a whole number")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--epochs", "0" }, "--epochs")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--learning-rate", "fast" }, "--learning-rate", "not a number")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--learning-rate", "-0.1" }, "--learning-rate")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--device", "tpu" }, "--device", "tpu")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--option", "novalue" }, "--option", "key=value")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--option", "depth=3" }, "--option", "unknown option 'depth'")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--option", "fail-at-step=2" }, "fail at step 2")]
    [InlineData(new[] { "sample", "nomodel", "--rows", "5" }, "nomodel")]
    [InlineData(new[] { "run", "df", "--model", "resample-test", "--name", "../up" }, "--name")]
    public void Data_and_option_errors_give_one_line_and_exit_1(string[] args, params string[] fragments) =>
        AssertOneError(ExitCodes.DataOrOptionError, Run(args[0] is "run" or "sample" ? [.. args, "--out", PathIn("out")] : args), fragments);

    [Fact]
    public void An_empty_table_is_refused()
    {
        host.Tables["empty"] = new DataFrame(new DoubleDataFrameColumn("x", 0));
        AssertOneError(ExitCodes.DataOrOptionError, Run("describe", "empty"), "no rows");
    }

    [Fact]
    public void A_column_with_only_missing_values_is_named()
    {
        host.Tables["holes"] = new DataFrame(
            new DoubleDataFrameColumn("x", new double[] { 1, 2 }),
            new DoubleDataFrameColumn("gone", new double?[] { null, null }));
        AssertOneError(ExitCodes.DataOrOptionError, Run("fit", "holes", "--model", "resample-test", "--out", PathIn("h.synth")), "gone", "only missing values");
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void An_existing_json_file_is_kept_unless_forced()
    {
        string json = PathIn("d.json");
        File.WriteAllText(json, "mine");
        AssertOneError(ExitCodes.DataOrOptionError, Run("describe", "df", "--json", json), "already exists");
        Assert.Equal("mine", File.ReadAllText(json));
        host.Errors.Clear();
        Assert.Equal(0, Run("describe", "df", "--json", json, "--force"));
        Assert.StartsWith("{", File.ReadAllText(json));
    }

    [Fact]
    public void From_in_a_host_without_databases_says_to_give_a_connection_or_a_DataFrame()
    {
        // The notebook's executor has no table sources: SynthDatabases (and DuckDB's native library) is the console tool's alone.
        AssertOneError(1, Run("describe", "--from", "duckdb:people.duckdb", "--query", "select * from people"),
            "'--from'", "open a connection in a C# cell", "give --from conn, or pass a DataFrame");
        host.Errors.Clear();
        AssertOneError(1, Run("describe", "--query", "select * from people"), "'--query': needs --from");
        host.Errors.Clear();
        AssertOneError(2, Run("describe", "df", "--from", "duckdb:people.duckdb", "--query", "select 1"), "give the table once");
    }
}
