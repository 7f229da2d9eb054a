using Microsoft.Data.Analysis;
using SynthCore.Registry;
using SynthCore.Training;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary>A long <c>sample</c> shows its progress as a fit does: blocks done, rows written, rows per second, time left.</summary>
public sealed class SamplingProgressTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-progress-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public SamplingProgressTests()
    {
        Directory.CreateDirectory(directory);
        var random = new Random(4);
        host.Tables["people"] = new DataFrame(
            new DoubleDataFrameColumn("age", Enumerable.Range(0, 60).Select(_ => (double)(20 + random.Next(50)))),
            new StringDataFrameColumn("city", Enumerable.Range(0, 60).Select(i => new[] { "Oslo", "Rome", "Lima" }[i % 3])));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string PathIn(string name) => Path.Combine(directory, name);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void A_shard_reports_each_of_its_blocks_and_the_rows_written()
    {
        Assert.Equal(0, Run("fit", "people", "--model", "copula", "--out", PathIn("m.synth")));
        host.Shown.Clear();
        // 35,000 rows are blocks 0–3; shard 0 of 2 takes blocks 0 and 2: 20,000 rows.
        Assert.Equal(0, Run("sample", PathIn("m.synth"), "--rows", "35000", "--shard", "0/2", "--out", PathIn("parts")));
        var reports = host.Shown.OfType<TrainingProgress>().Where(p => p.Phase == "sample").ToArray();
        Assert.Equal([1, 2], reports.Select(p => p.Step));
        Assert.All(reports, p => Assert.Equal(2, p.TotalSteps));
        Assert.Equal(20_000, reports[^1].Losses["rows"]);
        Assert.True(reports[^1].Losses["rows/s"] > 0);
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedRemaining);
        Assert.Contains("rows 20,000", SynthCommands.TextRendering.ProgressLine(reports[^1]));
    }
}
