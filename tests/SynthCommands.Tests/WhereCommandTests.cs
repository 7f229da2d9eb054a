using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>run --where</c> and <c>sample --where</c>: conditioned rows, the condition report in text and JSON, and bad clauses.</summary>
public sealed class WhereCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-where-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public WhereCommandTests()
    {
        Directory.CreateDirectory(directory);
        var random = new Random(3);
        int n = 120;
        host.Tables["people"] = new DataFrame(
            new DoubleDataFrameColumn("age", Enumerable.Range(0, n).Select(i => (double)(20 + random.Next(50)))),
            new DoubleDataFrameColumn("income", Enumerable.Range(0, n).Select(i => 2 + random.NextDouble() * 5)),
            new StringDataFrameColumn("city", Enumerable.Range(0, n).Select(i => new[] { "Oslo", "Rome", "Lima" }[i % 3])),
            new BooleanDataFrameColumn("member", Enumerable.Range(0, n).Select(i => i % 4 == 0)));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Run_where_samples_only_rows_meeting_every_condition_and_reports_them()
    {
        Assert.Equal(0, Run("run", "people", "--model", "cart", "--rows", "200", "--where", "age between 30 and 45", "--where", "city in (Oslo, Lima)",
            "--where", "member = yes", "--out", PathIn("out"), "--json", PathIn("r.json")));
        var csv = CsvTable.Read(Assert.Single(Directory.GetFiles(PathIn("out"))));
        Assert.Equal(200, csv.Rows.Count);
        for (int r = 0; r < 200; r++)
        {
            Assert.InRange((double)csv.Columns["age"][r], 30, 45);
            Assert.Contains((string)csv.Columns["city"][r], new[] { "Oslo", "Lima" });
            Assert.True((bool)csv.Columns["member"][r]);
        }
        string text = string.Join("\n", host.Lines);
        Assert.Contains("Conditions (--where): age between 30 and 45; city in (Oslo, Lima); member = yes", text);
        Assert.Contains("100.0% of 200 synthetic rows meet all of them", text);
        Assert.Matches(@"age \*\s+\d\.\d{3}", text);

        var conditions = JsonNode.Parse(File.ReadAllText(PathIn("r.json")))!["conditions"]!;
        Assert.Equal(3, conditions["where"]!.AsArray().Count);
        Assert.Equal(1.0, (double)conditions["share_meeting"]!);
        Assert.Equal(200, (int)conditions["synthetic_rows_meeting"]!);
        var ks = conditions["ks"]!.AsArray();
        Assert.Equal(["age", "income"], ks.Select(k => (string)k!["column"]!));
        Assert.True((bool)ks[0]!["conditioned"]!);
        Assert.False((bool)ks[1]!["conditioned"]!);
        Assert.InRange((double)ks[0]!["statistic"]!, 0, 1);
        int realMeeting = (int)conditions["real_rows_meeting"]!;
        Assert.Equal(realMeeting, (int)ks[0]!["real_rows"]!);
    }

    [Fact]
    public void Sample_where_conditions_a_fitted_model_and_reports_the_share()
    {
        Assert.Equal(0, Run("fit", "people", "--model", "copula", "--out", PathIn("m.synth")));
        Assert.Equal(0, Run("sample", PathIn("m.synth"), "--rows", "80", "--where", "income > 4", "--where", "city = Rome", "--out", PathIn("s"), "--json", PathIn("s.json")));
        var csv = CsvTable.Read(Assert.Single(Directory.GetFiles(PathIn("s"))));
        Assert.All(Enumerable.Range(0, 80), r => Assert.True((double)csv.Columns["income"][r] > 4));
        Assert.All(Enumerable.Range(0, 80), r => Assert.Equal("Rome", csv.Columns["city"][r]));
        Assert.Contains("100.0% of 80 synthetic rows meet all of them (80).", string.Join("\n", host.Lines));
        var conditions = JsonNode.Parse(File.ReadAllText(PathIn("s.json")))!["conditions"]!;
        Assert.Equal(1.0, (double)conditions["share_meeting"]!);
        Assert.Null(conditions["real_rows_meeting"]);
    }

    [Fact]
    public void A_magic_line_keeps_each_quoted_clause_whole()
    {
        Assert.Equal(0, executor.Execute($"#!synth run people --model copula --rows 30 --where \"city in (Oslo, Lima)\" --where \"age >= 40\" --out {PathIn("m")} --into conditioned", host));
        var rows = (DataFrame)host.Stored["conditioned"];
        Assert.All(Enumerable.Range(0, 30), r => Assert.True((double)rows.Columns["age"][r] >= 40 && (string)rows.Columns["city"][r] != "Rome"));
        Assert.Contains("100.0% of 30 synthetic rows meet all of them", string.Join("\n", host.Lines));
    }

    [Fact]
    public void The_same_seed_gives_the_same_conditioned_rows()
    {
        Assert.Equal(0, Run("run", "people", "--model", "copula", "--rows", "50", "--seed", "9", "--where", "age >= 50", "--out", PathIn("a")));
        Assert.Equal(0, Run("run", "people", "--model", "copula", "--rows", "50", "--seed", "9", "--where", "age >= 50", "--out", PathIn("b")));
        Assert.Equal(File.ReadAllText(Assert.Single(Directory.GetFiles(PathIn("a")))), File.ReadAllText(Assert.Single(Directory.GetFiles(PathIn("b")))));
    }

    [Theory]
    [InlineData("city = Paris", "'Paris' never occurs in the training data")]
    [InlineData("age between 80 and 90", "holds no value the model can produce")]
    [InlineData("town = Oslo", "unknown column 'town'")]
    [InlineData("member = maybe", "'maybe' is not true/false")]
    public void Run_refuses_bad_conditions_before_the_fit_naming_where(string clause, string expected)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "people", "--model", "cart", "--where", clause, "--out", PathIn("out")));
        string error = Assert.Single(host.Errors);
        Assert.Contains("--where", error);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(PathIn("out")) && Directory.GetFiles(PathIn("out")).Length > 0);
        Assert.Empty(host.Shown.OfType<SynthCore.Training.TrainingProgress>());
    }

    [Fact]
    public void Sample_refuses_a_category_the_model_never_saw_naming_where()
    {
        Assert.Equal(0, Run("fit", "people", "--model", "cart", "--out", PathIn("m.synth")));
        Assert.Equal(ExitCodes.DataOrOptionError, Run("sample", PathIn("m.synth"), "--rows", "10", "--where", "city = Paris", "--out", PathIn("s")));
        Assert.Contains("Option '--where': Column 'city': 'Paris' never occurs", Assert.Single(host.Errors));
    }

    [Fact]
    public void Where_does_not_go_with_balance()
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run("run", "people", "--model", "cart", "--balance", "city", "--where", "age > 30", "--out", PathIn("out")));
        Assert.Contains("--balance", Assert.Single(host.Errors));
    }
}
