using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary>
/// <c>evaluate --seq-len</c>: a sequence table scored against the real series read as run reads it (window length,
/// time, id and feature options), with the same comparison, scores, JSON and report as a sequence <c>run</c>; errors name the option.
/// </summary>
public sealed class SequenceEvaluateTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-seq-eval-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public SequenceEvaluateTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["daily"] = DailySeries.Table();
        // Every 10-step window of the real series, as a sequence table: copies of the real windows.
        var windows = SequenceData.FromTable(DailySeries.Table(), TableMetadata.Detect(DailySeries.Table()), new SequenceDataOptions { SequenceLength = 10 }).RawWindows();
        host.Tables["copies"] = SequenceTable.ToLong(windows.Where((_, i) => i % 5 == 0).ToArray(), ["value", "other"]);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Scores_a_sequence_table_with_the_same_comparison_json_and_report_as_run()
    {
        string json = PathIn("eval.json"), report = PathIn("eval.html");
        Assert.Equal(0, Run("evaluate", "daily", "copies", "--seq-len", "10", "--score-iterations", "10", "--json", json, "--report", report));
        Assert.Empty(host.Errors);
        var comparison = Assert.IsType<SequenceComparison>(Assert.Single(host.Shown));
        Assert.Equal(["value", "other"], comparison.Features.Select(f => f.Feature));
        // Copies of real windows: each synthetic series' nearest real series is itself.
        Assert.Equal(1.0, comparison.MeanSeriesCorrelation, 9);
        Assert.NotNull(comparison.Scores);
        Assert.Contains(host.Lines, l => l.Contains("111 real windows of 10 steps", StringComparison.Ordinal));

        var summary = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(10, (int)summary["sequence_length"]!);
        Assert.Equal(111, (int)summary["real_windows"]!);
        Assert.Equal(23, (int)summary["synthetic_sequences"]!);
        Assert.Equal(1.0, (double)summary["comparison"]!["mean_series_correlation"]!, 9);
        Assert.Equal(comparison.Scores!.Discriminative.Score, (double)summary["comparison"]!["scores"]!["discriminative"]!["score"]!, 6);
        Assert.Equal(10, (int)summary["comparison"]!["scores"]!["predictive_iterations"]!);

        string page = File.ReadAllText(report);
        Assert.Contains("<h2>TimeGAN scores</h2>", page);
        Assert.Contains("Mean correlation of each synthetic series", page);
        Assert.Contains("<h2>Per feature</h2>", page);
    }

    [Fact]
    public void Reads_the_real_table_with_run_s_sequence_options()
    {
        // Windows every 5 steps and one feature: the real table is read as run --option stride=5 --option features=value reads it.
        Assert.Equal(0, Run("evaluate", "daily", "copies", "--seq-len", "10", "--option", "stride=5", "--option", "features=value", "--score-iterations", "0"));
        Assert.Empty(host.Errors);
        var comparison = Assert.IsType<SequenceComparison>(Assert.Single(host.Shown));
        Assert.Equal(["value"], comparison.Features.Select(f => f.Feature));
        Assert.Null(comparison.Scores);
        Assert.Contains(host.Lines, l => l.Contains("23 real windows of 10 steps", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_another_seed_other_ones()
    {
        SequenceComparison Scored(string seed)
        {
            host.Shown.Clear();
            Assert.Equal(0, Run("evaluate", "daily", "copies", "--seq-len", "10", "--score-iterations", "15", "--seed", seed));
            return Assert.IsType<SequenceComparison>(Assert.Single(host.Shown));
        }
        var first = Scored("7");
        var again = Scored("7");
        var other = Scored("8");
        Assert.Equal(first.Scores, again.Scores);
        Assert.Equal(first.SyntheticToRealDtw, again.SyntheticToRealDtw);
        Assert.NotEqual(first.Scores!.Predictive.TrainOnSyntheticMae, other.Scores!.Predictive.TrainOnSyntheticMae);
    }

    [Theory]
    [InlineData("--seq-len", "evaluate", "daily", "copies")]
    [InlineData("--seq-len", "evaluate", "daily", "copies", "--seq-len", "12")]
    [InlineData("--seq-len", "evaluate", "daily", "copies", "--option", "stride=2")]
    [InlineData("--seq-len", "evaluate", "daily", "daily", "--seq-len", "10")]
    [InlineData("--seq-len", "evaluate", "daily", "copies", "--seq-len", "1")]
    [InlineData("--seq-len", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "seq-len=10")]
    [InlineData("Option 'bogus'", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "bogus=1")]
    [InlineData("Option 'stride'", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "stride=0")]
    [InlineData("'nope'", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "id-column=nope")]
    [InlineData("'nope'", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "features=nope")]
    [InlineData("--target", "evaluate", "daily", "copies", "--seq-len", "10", "--target", "value")]
    [InlineData("--score-iterations", "evaluate", "daily", "copies", "--seq-len", "10", "--score-iterations", "-3")]
    [InlineData("--score-iterations", "evaluate", "daily", "daily", "--score-iterations", "5")]
    [InlineData("--option", "evaluate", "daily", "copies", "--seq-len", "10", "--option", "stride")]
    public void Bad_sequence_options_fail_naming_the_option(string named, params string[] args)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(args));
        Assert.Contains(named, Assert.Single(host.Errors));
        Assert.Empty(host.Shown);
    }
}
