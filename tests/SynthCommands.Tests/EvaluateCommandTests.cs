using SynthCore.Evaluation.Scorecards;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Reports;
using SynthReports;
using SynthReports.Charts;
using SynthTests.Support;

namespace SynthCommands.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-eval-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new();

    public EvaluateCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["real"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30, 61, 45 }),
            new DoubleDataFrameColumn("income", new double?[] { 3.5, 4.25, null, 6.0, 4.0, 3.75, 7.5, 5.0 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo", "Lima", "Rome" }));
        host.Tables["synth"] = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 33, 40, 22, 58, 30, 29, 70 }),
            new DoubleDataFrameColumn("income", new double?[] { 3.0, 4.5, 5.0, 5.5, null, 3.5, 4.0 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Oslo", "Oslo", "Lima", "Rome", "Pune", "Lima" }));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    private QualityReport Expected() =>
        QualityReport.Generate(host.Tables["real"], host.Tables["synth"], TableMetadata.Detect(host.Tables["real"]));

    [Fact]
    public void Shows_the_quality_report_of_the_real_tables_metadata()
    {
        Assert.Equal(0, Run("evaluate", "real", "synth"));
        Assert.Empty(host.Errors);
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        var expected = Expected();
        Assert.Equal(expected.Score, evaluation.Quality.Score);
        Assert.True(evaluation.Quality.Score is > 0.3 and < 1);
        Assert.Equal(8, evaluation.RealRows);
        Assert.Equal(7, evaluation.SyntheticRows);
        // "Pune" is not a real category, so Data Validity is below 1.
        Assert.True(evaluation.Diagnostic.Score < 1);

        string text = TextRendering.Render(evaluation);
        Assert.Contains($"Quality score: {expected.Score:0.0000} ({expected.Score100:0.0} / 100)", text);
        Assert.Contains("Column Pair Trends", text);
        Assert.Contains("Worst columns", text);
        Assert.Matches(@"income\s+4\.8571\s+4\.25", text);
        Assert.Contains("Frobenius norm", text);
        // Worst first.
        Assert.Equal(evaluation.Quality.ColumnShapes.Min(c => c.Score), evaluation.WorstColumns[0].Score);
        // Seven synthetic rows are too few for five folds of detection: left out, not failed.
        Assert.Null(evaluation.Detection);
        Assert.DoesNotContain("Detection", text);
    }

    [Fact]
    public void Detection_is_in_the_text_json_and_report_and_names_the_column_that_gives_rows_away()
    {
        var penguins = SynthCore.Data.CsvTable.Read(PenguinsPath());
        var shifted = penguins.Clone();
        const string mass = "Body Mass (g)";
        shifted.Columns[mass] = new Microsoft.Data.Analysis.DoubleDataFrameColumn(mass,
            Enumerable.Range(0, (int)penguins.Rows.Count).Select(i => penguins.Columns[mass][i] is { } v ? Convert.ToDouble(v) + 500 : (double?)null));
        host.Tables["penguins"] = penguins;
        host.Tables["shifted"] = shifted;
        string json = PathIn("d.json"), html = PathIn("d.html");
        Assert.Equal(0, Run("evaluate", "penguins", "shifted", "--seed", "7", "--json", json, "--report", html));
        Assert.Empty(host.Errors);
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        var detection = Assert.IsType<SynthCore.Evaluation.Detection.DetectionReport>(evaluation.Detection);
        var expected = SynthCore.Evaluation.Detection.Detection.Run(penguins, shifted, TableMetadata.Detect(penguins),
            new SynthCore.Evaluation.Detection.DetectionOptions { Seed = 7 });
        Assert.Equal(expected.BoostedTrees.Auc, detection.BoostedTrees.Auc);
        Assert.Equal(mass, detection.BoostedTrees.TopColumns[0].Column);

        string text = TextRendering.Render(evaluation);
        Assert.Contains("Detection (a classifier telling synthetic rows from real ones", text);
        Assert.Contains($"boosted trees: AUC {detection.BoostedTrees.Auc:0.000} (score {detection.BoostedTrees.Score:0.000}); gives rows away: {mass} ", text);

        var node = JsonNode.Parse(File.ReadAllText(json))!["detection"]!;
        Assert.Equal(344, (int)node["rows_per_table"]!);
        Assert.Equal(detection.Logistic.Auc, (double)node["logistic_regression"]!["auc"]!);
        Assert.Equal(mass, (string)node["boosted_trees"]!["top_columns"]![0]!["column"]!);
        Assert.Equal(5, node["boosted_trees"]!["fold_aucs"]!.AsArray().Count);

        string page = File.ReadAllText(html);
        Assert.Contains("<h2>Detection</h2>", page);
        Assert.Contains($"<td>boosted trees</td><td class=\"n\">{detection.BoostedTrees.Auc:0.000}</td>", page);
    }

    [Fact]
    public void Utility_is_tested_on_the_holdout_when_given_and_says_which_rows_it_used()
    {
        var penguins = SynthCore.Data.CsvTable.Read(PenguinsPath());
        var rows = Enumerable.Range(0, (int)penguins.Rows.Count).ToArray();
        DataFrame Take(IEnumerable<int> r) => penguins[new Int32DataFrameColumn("rows", r.Select(i => (int?)i))];
        host.Tables["training"] = Take(rows.Where(i => i % 3 != 0));
        host.Tables["unseen"] = Take(rows.Where(i => i % 3 == 0));
        host.Tables["copies"] = Take(rows.Where(i => i % 3 != 0));
        string json = PathIn("h.json");

        Assert.Equal(0, Run("evaluate", "training", "copies", "--target", "Species", "--holdout", "unseen", "--json", json));
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        Assert.Equal(115, evaluation.HoldoutRows);
        Assert.Equal(115, evaluation.Utility!.RealTestRows);
        // The "synthetic" rows are the training rows themselves: privacy, measured against the holdout, says so.
        Assert.Equal(1.0, evaluation.Privacy!.ExactCopyRate);
        Assert.Contains("Tested on the holdout, real rows the synthesizer never saw.", TextRendering.Render(evaluation));
        Assert.Equal("holdout", (string)JsonNode.Parse(File.ReadAllText(json))!["utility_tested_on"]!);

        host.Shown.Clear();
        Assert.Equal(0, Run("evaluate", "training", "copies", "--target", "Species"));
        var split = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        Assert.Null(split.Privacy);
        Assert.Contains("Tested on a split of the real table, which the synthesizer may have been fitted on", TextRendering.Render(split));
    }

    [Fact]
    public void A_holdout_without_the_real_columns_is_refused_naming_the_option()
    {
        host.Tables["other"] = new DataFrame(new DoubleDataFrameColumn("age", new double[] { 1, 2, 3 }));
        Assert.Equal(ExitCodes.DataOrOptionError, Run("evaluate", "real", "synth", "--holdout", "other"));
        Assert.Contains("Option '--holdout': 'other' lacks the real table's columns 'income', 'city'.", Assert.Single(host.Errors));
    }

    [Fact]
    public void Categorical_override_changes_the_metric()
    {
        Assert.Equal(0, Run("evaluate", "real", "synth", "--categorical", "age"));
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        Assert.Equal("TVComplement", evaluation.Quality.ColumnShapes.Single(c => c.Column == "age").Metric);
    }

    [Fact]
    public void Writes_json_and_a_self_contained_html_report()
    {
        string json = PathIn("e.json"), html = PathIn("e.html");
        Assert.Equal(0, Run("evaluate", "real", "synth", "--json", json, "--report", html));
        var expected = Expected();
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(expected.Score, (double)node["score"]!);
        Assert.Equal(expected.PropertyScore(ColumnShapes.Name), (double)node["column_shapes"]!);
        Assert.Equal(expected.PropertyScore(ColumnPairTrends.Name), (double)node["column_pair_trends"]!);
        Assert.Equal(3, node["column_shapes_details"]!.AsArray().Count);
        Assert.Equal(3, node["column_pair_trends_details"]!.AsArray().Count);
        Assert.Equal(expected.CorrelationDifference!.Value, (double)node["correlation_difference_frobenius"]!);
        Assert.True((double)node["diagnostic"]!["score"]! < 1);

        string page = File.ReadAllText(html);
        Assert.Contains(PlotlyScript.InlineScriptTag, page);
        Assert.DoesNotMatch("<script[^>]*src=", page);
        Assert.Contains($"{expected.Score:0.0000}", page);
        Assert.Contains("\"name\":\"synthetic\"", page);
        Assert.Contains("<h2>Correlations (Pearson)</h2>", page);
        // One chart per column (3), three correlation heatmaps and the PCA scatter.
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(page, "class=\"synth-chart\"").Count);
        Assert.Contains($"Wrote {json}", host.Lines);
        Assert.Contains($"Wrote {html}", host.Lines);
    }

    [Fact]
    public void Never_replaces_an_existing_report_without_force()
    {
        string html = PathIn("e.html");
        File.WriteAllText(html, "mine");
        int code = Run("evaluate", "real", "synth", "--report", html);
        Assert.Equal(ExitCodes.DataOrOptionError, code);
        Assert.Contains("--force", Assert.Single(host.Errors));
        Assert.Equal("mine", File.ReadAllText(html));
        Assert.Empty(host.Shown);

        host.Errors.Clear();
        Assert.Equal(0, Run("evaluate", "real", "synth", "--report", html, "--force"));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html));
    }

    [Fact]
    public void A_column_missing_from_the_synthetic_table_is_named()
    {
        host.Tables["synth"].Columns.Remove("income");
        Assert.Equal(ExitCodes.DataOrOptionError, Run("evaluate", "real", "synth"));
        var line = Assert.Single(host.Errors);
        Assert.Contains("'income'", line);
        Assert.Contains("synthetic", line);
    }

    [Fact]
    public void The_synthetic_table_is_required()
    {
        Assert.Equal(ExitCodes.UsageError, Run("evaluate", "real"));
        Assert.Contains("synth evaluate --help", Assert.Single(host.Errors));
    }

    [Fact]
    public void The_same_file_for_json_and_report_is_refused()
    {
        string file = PathIn("same");
        Assert.Equal(ExitCodes.DataOrOptionError, Run("evaluate", "real", "synth", "--json", file, "--report", file));
        Assert.Contains("--report", Assert.Single(host.Errors));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Target_adds_the_utility_section_to_the_text_json_and_report()
    {
        var penguins = SynthCore.Data.CsvTable.Read(PenguinsPath());
        host.Tables["penguins"] = penguins;
        host.Tables["copy"] = penguins.Clone();
        string json = PathIn("u.json"), html = PathIn("u.html");
        Assert.Equal(0, Run("evaluate", "penguins", "copy", "--target", "Species", "--seed", "7", "--json", json, "--report", html));
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        var utility = Assert.IsType<SynthCore.Evaluation.Utility.UtilityReport>(evaluation.Utility);
        var expected = SynthCore.Evaluation.Utility.UtilityReport.Evaluate(penguins, penguins, TableMetadata.Detect(penguins),
            new SynthCore.Evaluation.Utility.UtilityOptions("Species") { Seed = 7 });
        Assert.Equal(expected.Results, utility.Results);

        string text = TextRendering.Render(evaluation);
        Assert.Contains("Machine-learning utility for 'Species' (classification; tested on 103 held-out real rows", text);
        Assert.Matches(@"gradient_boosted_trees\s+roc_auc", text);
        Assert.Contains("PCA of the real table, explained variance: PC1 ", text);

        var node = JsonNode.Parse(File.ReadAllText(json))!["utility"]!;
        Assert.Equal("classification", (string)node["task"]!);
        Assert.Equal(241, (int)node["real_train_rows"]!);
        var linear = node["models"]!.AsArray().Single(m => (string)m!["model"]! == "linear")!;
        var expectedLinear = expected.Results.Single(r => r.Model == "linear");
        Assert.Equal(expectedLinear.TrainSyntheticTestReal.Accuracy!.Value, (double)linear["train_synthetic_test_real"]!["accuracy"]!);
        Assert.Equal(expectedLinear.TrainRealTestReal.RocAuc!.Value, (double)linear["train_real_test_real"]!["roc_auc"]!);

        string page = File.ReadAllText(html);
        Assert.Contains("Machine-learning utility: Species", page);
        Assert.Contains("Principal components", page);
    }

    [Fact]
    public void Target_and_seed_errors_name_the_option()
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run("evaluate", "real", "synth", "--target", "height"));
        Assert.Contains("Option '--target': unknown column 'height'", Assert.Single(host.Errors));
        host.Errors.Clear();
        Assert.Equal(ExitCodes.DataOrOptionError, Run("evaluate", "real", "synth", "--seed", "-3"));
        Assert.Contains("Option '--seed': must be 0 or more", Assert.Single(host.Errors));
        Assert.Empty(host.Shown);
    }

    [Fact]
    public void A_single_numeric_column_gets_one_principal_component_and_no_heatmap()
    {
        host.Tables["one"] = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1, 2, 3, 4, 5 }));
        host.Tables["other"] = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 2, 2, 3, 9 }));
        string html = PathIn("one.html");
        Assert.Equal(0, Run("evaluate", "one", "other", "--report", html));
        var evaluation = Assert.IsType<TableEvaluation>(Assert.Single(host.Shown));
        Assert.Equal([1.0], evaluation.Pca!.ExplainedVarianceRatio);
        Assert.Null(evaluation.Quality.CorrelationDifference);
        string page = File.ReadAllText(html);
        Assert.DoesNotContain("<h2>Correlations", page);
        Assert.Contains("PC1 (100.0% of the real variance)", page);
    }

    internal static string PenguinsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln")))
                return Path.Combine(dir.FullName, "data", "penguins.csv");
        throw new DirectoryNotFoundException("SynthNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
