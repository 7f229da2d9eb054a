using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth run --augment</c> and <c>--balance</c> with the shipped statistical models.</summary>
public sealed class RunAugmentTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-augment-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public RunAugmentTests()
    {
        Directory.CreateDirectory(directory);
        // 8 Oslo, 3 Rome, 1 Lima: unbalanced on purpose.
        host.Tables["people"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30, 47, 33, 29, 61, 44, 36 }),
            new DoubleDataFrameColumn("income", new double[] { 3.5, 4.25, 2.9, 6.0, 4.0, 3.75, 5.1, 3.9, 3.2, 6.4, 4.8, 4.1 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo", "Oslo", "Oslo", "Oslo", "Rome", "Oslo", "Oslo" }));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Augment_exports_real_then_synthetic_rows_with_a_source_column()
    {
        Assert.Equal(0, Run("run", "people", "--model", "copula", "--rows", "20", "--augment", "--out", PathIn("out"), "--json", PathIn("s.json")));
        var csv = CsvTable.Read(Assert.Single(Directory.GetFiles(PathIn("out"))));
        Assert.Equal(["age", "income", "city", "source"], csv.Columns.Select(c => c.Name));
        Assert.Equal(32, csv.Rows.Count);
        var source = Enumerable.Range(0, 32).Select(r => (string)csv.Columns["source"][r]).ToArray();
        Assert.Equal(Enumerable.Repeat("real", 12).Concat(Enumerable.Repeat("synthetic", 20)), source);
        for (int r = 0; r < 12; r++) Assert.Equal(host.Tables["people"].Columns["age"][r], csv.Columns["age"][r]);
        var summary = JsonNode.Parse(File.ReadAllText(PathIn("s.json")))!;
        Assert.True((bool)summary["augmented"]!);
        Assert.Equal(32, (int)summary["rows"]!);
        Assert.Equal(20, (int)summary["synthetic_rows"]!);
        // The comparison is of the synthetic rows alone.
        Assert.Equal(20, Assert.Single(host.Shown.OfType<SynthCore.Evaluation.TableComparison>()).SyntheticRows);
    }

    [Fact]
    public void Balance_tops_up_the_rare_classes_by_conditional_sampling()
    {
        Assert.Equal(0, Run("run", "people", "--model", "bootstrap", "--balance", "city", "--augment", "--out", PathIn("out"), "--json", PathIn("b.json")));
        var csv = CsvTable.Read(Assert.Single(Directory.GetFiles(PathIn("out"))));
        var cities = Enumerable.Range(0, (int)csv.Rows.Count).GroupBy(r => (string)csv.Columns["city"][r]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Lima"] = 8, ["Oslo"] = 8, ["Rome"] = 8 }, cities);
        var added = JsonNode.Parse(File.ReadAllText(PathIn("b.json")))!["balance"]!["added"]!;
        Assert.Equal(7, (int)added["Lima"]!);
        Assert.Equal(5, (int)added["Rome"]!);
        Assert.Equal(0, (int)added["Oslo"]!);
        Assert.Contains(host.Lines, l => l.Contains("Balanced 'city'") && l.Contains("Lima 1 real + 7 synthetic"));
    }

    [Fact]
    public void Balance_ratio_and_bad_balance_options_are_checked()
    {
        Assert.Equal(0, Run("run", "people", "--model", "copula", "--balance", "city", "--balance-ratio", "0.5", "--out", PathIn("half")));
        var csv = CsvTable.Read(Assert.Single(Directory.GetFiles(PathIn("half"))));
        Assert.Equal(4, csv.Rows.Count); // Lima 1 → 4 (3 rows), Rome 3 → 4 (1 row)
        host.Errors.Clear();
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "people", "--model", "copula", "--balance", "age", "--out", PathIn("x")));
        Assert.Contains("balancing needs a categorical", Assert.Single(host.Errors));
        host.Errors.Clear();
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "people", "--model", "copula", "--balance", "city", "--rows", "5", "--out", PathIn("y")));
        Assert.Contains("--balance", Assert.Single(host.Errors));
        Assert.False(Directory.Exists(PathIn("x")) && Directory.GetFiles(PathIn("x")).Length > 0);
    }

    [Fact]
    public void Augment_refuses_a_table_that_already_has_a_source_column()
    {
        host.Tables["with-source"] = new DataFrame(
            new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4, 5 }),
            new StringDataFrameColumn("source", new[] { "a", "b", "a", "b", "a" }));
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "with-source", "--model", "bootstrap", "--augment", "--out", PathIn("z")));
        Assert.Contains("Column 'source': already exists", Assert.Single(host.Errors));
    }
}
