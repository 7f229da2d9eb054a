using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>run</c>, <c>fit</c> and <c>sample</c> with TimeGAN's static columns (<c>--option static=a,b</c>): output, comparison, errors.</summary>
public sealed class StaticSequenceRunTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-static-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public StaticSequenceRunTests()
    {
        Directory.CreateDirectory(directory);
        var ids = new List<string>();
        var days = new List<int>();
        var sex = new List<string>();
        var age = new List<double>();
        var pulse = new List<double>();
        for (int e = 0; e < 6; e++)
            for (int t = 0; t < 10; t++)
            {
                ids.Add($"p{e}");
                days.Add(t);
                sex.Add(e % 2 == 0 ? "F" : "M");
                age.Add(30 + e);
                pulse.Add((e % 2 == 0 ? 10 : 20) + Math.Sin(t + e));
            }
        host.Tables["patients"] = new DataFrame(new StringDataFrameColumn("patient", ids), new Int32DataFrameColumn("day", days),
            new StringDataFrameColumn("sex", sex), new DoubleDataFrameColumn("age", age), new DoubleDataFrameColumn("pulse", pulse));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    private static readonly string[] Small =
        ["--epochs", "3", "--seq-len", "5", "--option", "hidden-dim=4", "--option", "layers=1", "--option", "id-column=patient", "--option", "time-column=day"];

    [Fact]
    public void Run_writes_the_static_columns_constant_within_each_sequence_and_compares_them()
    {
        string json = Path.Combine(directory, "run.json");
        string report = Path.Combine(directory, "report.html");
        int code = Run(["run", "patients", "--model", "timegan", "--rows", "8", "--out", directory, "--json", json, "--score-iterations", "0",
            "--report", report, "--option", "static=sex,age", .. Small]);
        Assert.True(code == 0, string.Join("\n", host.Errors));

        var table = CsvTable.Read(Directory.GetFiles(directory, "*.csv").Single());
        Assert.Equal(["sequence_id", "step", "pulse", "sex", "age"], table.Columns.Select(c => c.Name));
        Assert.Equal(40, table.Rows.Count);
        for (int s = 0; s < 8; s++)
        {
            Assert.Single(Enumerable.Range(s * 5, 5).Select(r => table.Columns["sex"][r]).Distinct());
            Assert.Single(Enumerable.Range(s * 5, 5).Select(r => table.Columns["age"][r]).Distinct());
        }

        var comparison = Assert.IsType<SequenceComparison>(host.Shown.Single(s => s is SequenceComparison));
        Assert.Equal(["pulse"], comparison.Features.Select(f => f.Feature));
        Assert.Equal(["sex", "age"], comparison.Static!.Select(c => c.Column));
        Assert.Equal("tv_distance", comparison.Static![0].Statistic);
        Assert.Equal(["F", "M"], comparison.Static![0].Categories.Select(c => c.Category));
        Assert.Equal(10, comparison.Static![0].Categories[0].RealFeatureMeans[0], 0);
        Assert.Equal("ks", comparison.Static![1].Statistic);
        Assert.Contains("sex: TV distance", TextRendering.Render(comparison));
        Assert.Contains("age: KS", TextRendering.Render(comparison));
        Assert.Contains("correlation with pulse's sequence mean real", TextRendering.Render(comparison));
        // Real ages 30…35 alternate with the level (odd patients at 20): a positive correlation.
        Assert.InRange(comparison.Static![1].RealFeatureCorrelations[0], 0.1, 1);
        var summary = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("sex", (string)summary["comparison"]!["static"]![0]!["column"]!);
        string html = File.ReadAllText(report);
        Assert.Contains("Static column sex", html);
        Assert.Contains("Static column <code>age</code>", html);
    }

    [Fact]
    public void A_yes_no_static_column_is_written_as_read()
    {
        var table = CsvTable.Read(WriteCsv());
        host.Tables["patients"] = table;
        int code = Run(["run", "patients", "--model", "timegan", "--rows", "4", "--out", directory, "--score-iterations", "0",
            "--option", "static=smoker", "--option", "features=pulse", .. Small]);
        Assert.True(code == 0, string.Join("\n", host.Errors));
        var lines = File.ReadAllLines(Directory.GetFiles(directory, "patients_*.csv").Single());
        Assert.Equal("sequence_id,step,pulse,smoker", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Matches(",(yes|no)$", line));

        // And through a model file: fit, then sample.
        string model = Path.Combine(directory, "smoker.synth"), output = Path.Combine(directory, "sampled");
        Assert.True(Run(["fit", "patients", "--model", "timegan", "--out", model, "--option", "static=smoker", "--option", "features=pulse", .. Small]) == 0,
            string.Join("\n", host.Errors));
        Assert.True(Run("sample", model, "--rows", "3", "--out", output) == 0, string.Join("\n", host.Errors));
        Assert.All(File.ReadAllLines(Directory.GetFiles(output, "*.csv").Single()).Skip(1), line => Assert.Matches(",(yes|no)$", line));
    }

    private string WriteCsv()
    {
        string path = Path.Combine(directory, "in.csv");
        var lines = new List<string> { "patient,day,pulse,smoker" };
        for (int e = 0; e < 6; e++)
            for (int t = 0; t < 10; t++) lines.Add($"p{e},{t},{(e % 2 == 0 ? 10 : 20) + Math.Sin(t + e):0.###},{(e % 3 == 0 ? "yes" : "no")}");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Fit_saves_the_static_columns_and_sample_writes_them()
    {
        string model = Path.Combine(directory, "m.synth");
        Assert.True(Run(["fit", "patients", "--model", "timegan", "--out", model, "--option", "static=sex", .. Small]) == 0, string.Join("\n", host.Errors));
        string output = Path.Combine(directory, "out");
        Assert.True(Run("sample", model, "--rows", "3", "--out", output) == 0, string.Join("\n", host.Errors));
        var table = CsvTable.Read(Directory.GetFiles(output, "*.csv").Single());
        Assert.Equal(["sequence_id", "step", "age", "pulse", "sex"], table.Columns.Select(c => c.Name));
        Assert.All(Enumerable.Range(0, 15), r => Assert.Contains((string)table.Columns["sex"][r], new[] { "F", "M" }));
    }

    [Theory]
    [InlineData("timegan", "static=pulse", "Column 'pulse': varies within entity 'p0'")]
    [InlineData("timegan", "static=nope", "Column 'nope'")]
    [InlineData("arima", "static=sex", "Option 'static'")]
    [InlineData("block-bootstrap", "static=sex", "Option 'static'")]
    public void Bad_static_columns_are_data_errors_naming_the_column_or_option(string model, string option, string message)
    {
        string[] training = model == "timegan" ? Small : ["--seq-len", "5", "--option", "id-column=patient", "--option", "time-column=day"];
        int code = Run(["run", "patients", "--model", model, "--out", directory, "--score-iterations", "0", "--option", option, "--option", "features=age", .. training]);
        Assert.Equal(1, code);
        Assert.Contains(message, Assert.Single(host.Errors));
    }

    [Fact]
    public void Static_without_an_id_column_is_an_option_error()
    {
        int code = Run("run", "patients", "--model", "timegan", "--epochs", "2", "--seq-len", "5", "--out", directory, "--option", "static=sex");
        Assert.Equal(1, code);
        Assert.Contains("Option 'static'", Assert.Single(host.Errors));
    }
}
