using System.Text.Json.Nodes;
using SynthCore.Data;
using SynthCore.Evaluation.Reports;
using SynthReports.Charts;

namespace SynthCli.Tests;

/// <summary><c>synth evaluate</c> as its own process on CSV files.</summary>
public sealed class CliEvaluateTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Json_numbers_equal_the_quality_report_and_the_html_inlines_plotly()
    {
        string real = sandbox.People();
        // A "synthetic" table: the real rows with ages shifted and cities rotated.
        var lines = File.ReadAllLines(real);
        var shifted = lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split(',');
            cells[0] = (int.Parse(cells[0]) + 7).ToString();
            cells[2] = new[] { "Oslo", "Rome", "Lima", "Pune" }[(i / 3) % 4];
            return string.Join(',', cells);
        });
        string synthetic = sandbox.WriteCsv("synthetic.csv", string.Join("\n", lines.Take(1).Concat(shifted)) + "\n");
        string json = sandbox.PathOf("eval.json"), html = sandbox.PathOf("eval.html");

        var result = CliProcess.Run(sandbox.Directory, "evaluate", real, synthetic, "--json", json, "--report", html);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Err);

        var realTable = CsvTable.Read(real);
        var expected = QualityReport.Generate(realTable, CsvTable.Read(synthetic), TableMetadata.Detect(realTable));
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(expected.Score, (double)node["score"]!);
        Assert.Equal(expected.PropertyScore(ColumnShapes.Name), (double)node["column_shapes"]!);
        Assert.Equal(expected.PropertyScore(ColumnPairTrends.Name), (double)node["column_pair_trends"]!);
        Assert.Equal(expected.Score100, (double)node["score_100"]!);
        foreach (var (detail, i) in expected.ColumnShapes.Select((d, i) => (d, i)))
            Assert.Equal(detail.Score, (double)node["column_shapes_details"]![i]!["score"]!);
        Assert.True(expected.Score is > 0.3 and < 0.99);
        Assert.Contains($"Quality score: {expected.Score:0.0000}", result.Out);

        string page = File.ReadAllText(html);
        Assert.Contains(PlotlyScript.InlineScriptTag, page);
        Assert.DoesNotMatch("<script[^>]*src=", page);
        // Outside plotly.js itself (whose defaults mention URLs), nothing refers to the network.
        string rest = page.Replace(PlotlyScript.InlineScriptTag, "");
        Assert.DoesNotContain("http", rest);
        Assert.Contains($"{expected.Score:0.0000}", page);
    }

    [Fact]
    public void Target_utility_numbers_equal_the_utility_report()
    {
        string real = sandbox.People();
        string json = sandbox.PathOf("u.json");
        var result = CliProcess.Run(sandbox.Directory, "evaluate", real, real, "--target", "income", "--json", json);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Machine-learning utility for 'income' (regression", result.Out);

        var table = CsvTable.Read(real);
        var expected = SynthCore.Evaluation.Utility.UtilityReport.Evaluate(table, table, TableMetadata.Detect(table), new("income"));
        var models = JsonNode.Parse(File.ReadAllText(json))!["utility"]!["models"]!.AsArray();
        foreach (var r in expected.Results)
        {
            var node = models.Single(m => (string)m!["model"]! == r.Model)!;
            Assert.Equal(r.TrainRealTestReal.RSquared!.Value, (double)node["train_real_test_real"]!["r2"]!);
            Assert.Equal(r.TrainSyntheticTestReal.MeanAbsoluteError!.Value, (double)node["train_synthetic_test_real"]!["mae"]!);
        }
    }

    [Fact]
    public void An_existing_json_file_is_kept_without_force()
    {
        string real = sandbox.People();
        string json = sandbox.WriteCsv("eval.json", "{}");
        var result = CliProcess.Run(sandbox.Directory, "evaluate", real, real, "--json", json);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--force", Assert.Single(result.ErrLines));
        Assert.Equal("{}", File.ReadAllText(json));
    }
}
