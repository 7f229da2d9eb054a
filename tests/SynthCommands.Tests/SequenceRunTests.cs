using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>run</c> with the shipped sequence models on a small daily table (ARIMA and block bootstrap are fast; TimeGAN gets 3 iterations).</summary>
public sealed class SequenceRunTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-seq-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public SequenceRunTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["daily"] = DailySeries.Table();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Theory]
    [InlineData("arima")]
    [InlineData("block-bootstrap")]
    [InlineData("timegan", "--epochs", "3", "--option", "hidden-dim=4", "--option", "layers=1")]
    public void Run_writes_sequence_id_step_and_the_features_leaving_the_date_out(string model, params string[] extra)
    {
        string json = Path.Combine(directory, model + ".json");
        int code = Run(["run", "daily", "--model", model, "--seq-len", "10", "--rows", "4", "--out", directory, "--json", json, "--score-iterations", "10", .. extra]);
        Assert.True(code == 0, string.Join("\n", host.Errors));

        var csv = Directory.GetFiles(directory, "*.csv").Single();
        var table = CsvTable.Read(csv);
        Assert.Equal(["sequence_id", "step", "value", "other"], table.Columns.Select(c => c.Name));
        Assert.Equal(40, table.Rows.Count);
        Assert.Equal(3.0, table.Columns["sequence_id"][39]);
        Assert.Equal(9.0, table.Columns["step"][39]);

        var comparison = Assert.IsType<SequenceComparison>(host.Shown.Single(s => s is SequenceComparison));
        Assert.Equal(["value", "other"], comparison.Features.Select(f => f.Feature));
        Assert.Contains("ACF |diff|", TextRendering.Render(comparison));
        Assert.Contains("value: ACF of the step-to-step differences real ", TextRendering.Render(comparison));
        Assert.All(comparison.Features, f => Assert.Equal(5, f.SyntheticDifferenceAcf.Length));
        var summary = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(4, (int)summary["sequences"]!);
        Assert.Equal(40, (int)summary["rows"]!);
        Assert.NotNull(summary["comparison"]!["features"]);
        // The TimeGAN paper's scores and the toolkit's mean series correlation, where users look.
        Assert.NotNull(comparison.Scores);
        Assert.Equal(10, comparison.Scores!.DiscriminativeIterations);
        Assert.InRange((double)summary["comparison"]!["scores"]!["discriminative"]!["score"]!, 0, 0.5);
        Assert.NotNull(summary["comparison"]!["scores"]!["predictive"]!["train_on_synthetic_mae"]);
        Assert.True(double.IsFinite(comparison.MeanSeriesCorrelation));
        Assert.Contains("Discriminative score", TextRendering.Render(comparison));
        Assert.Contains("Mean correlation of each synthetic series", TextRendering.Render(comparison));
    }

    [Fact]
    public void Score_iterations_0_skips_the_network_scores_and_other_models_refuse_the_option()
    {
        Assert.Equal(0, Run("run", "daily", "--model", "block-bootstrap", "--seq-len", "10", "--rows", "3", "--score-iterations", "0", "--out", directory));
        Assert.Null(Assert.IsType<SequenceComparison>(host.Shown.Single(s => s is SequenceComparison)).Scores);
        Assert.Equal(1, Run("run", "daily", "--model", "block-bootstrap", "--seq-len", "10", "--score-iterations", "-1", "--out", directory));
        Assert.Contains("--score-iterations", Assert.Single(host.Errors));
        host.Errors.Clear();
        host.Tables["people"] = PeopleTable.Create(60, 1);
        Assert.Equal(1, Run("run", "people", "--model", "bootstrap", "--score-iterations", "5", "--out", directory));
        Assert.Contains("--score-iterations", Assert.Single(host.Errors));
    }

    [Fact]
    public void Run_and_fit_print_each_feature_s_fitted_arima_order_and_aic()
    {
        Assert.Equal(0, Run("run", "daily", "--model", "arima", "--seq-len", "10", "--rows", "2", "--option", "order=1,1,0", "--score-iterations", "0", "--out", directory));
        Assert.Contains(host.Lines, l => l.StartsWith("value: ARIMA(1,1,0), AIC ", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.StartsWith("other: ARIMA(1,1,0), AIC ", StringComparison.Ordinal));
        host.Lines.Clear();
        Assert.Equal(0, Run("fit", "daily", "--model", "arima", "--seq-len", "10", "--out", Path.Combine(directory, "arima.synth")));
        Assert.Contains(host.Lines, l => l.StartsWith("value: ARIMA(", StringComparison.Ordinal) && l.Contains(", AIC ", StringComparison.Ordinal));
    }

    [Fact]
    public void Seq_len_errors_name_the_option()
    {
        Assert.Equal(1, Run("run", "daily", "--model", "arima", "--seq-len", "200", "--out", directory));
        Assert.Contains("fewer than the sequence length 200", Assert.Single(host.Errors));
        host.Errors.Clear();
        Assert.Equal(1, Run("run", "daily", "--model", "arima", "--seq-len", "10", "--option", "seq-len=12", "--out", directory));
        Assert.Contains("--seq-len", Assert.Single(host.Errors));
        host.Errors.Clear();
        Assert.Equal(1, Run("run", "daily", "--model", "gan", "--seq-len", "10", "--out", directory));
        Assert.Contains("seq-len", Assert.Single(host.Errors));
        Assert.Empty(Directory.GetFiles(directory, "*.csv"));
    }
}
