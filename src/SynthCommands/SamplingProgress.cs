using System.Diagnostics;
using SynthCore.Training;

namespace SynthCommands;

/// <summary>
/// Progress of a long sampling run, shown as a fit's is (the console's bar, the notebook's display): blocks done,
/// rows written, rows per second and the time left, reported after each chunk or block has been handed on.
/// </summary>
internal static class SamplingProgress
{
    /// <summary>Passes <paramref name="chunks"/> through, reporting after each one to <paramref name="host"/>.</summary>
    public static IEnumerable<DataFrame> Report(IEnumerable<DataFrame> chunks, long totalChunks, long totalRows, ISynthHost host)
    {
        var timeline = new TrainingTimeline(host);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        int done = 0;
        foreach (var chunk in chunks)
        {
            yield return chunk;
            rows += chunk.Rows.Count;
            done++;
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            double rate = rows / seconds;
            TimeSpan? left = rate > 0 && totalRows > rows ? TimeSpan.FromSeconds((totalRows - rows) / rate) : TimeSpan.Zero;
            timeline.Report(new TrainingProgress("sample", done, (int)Math.Min(int.MaxValue, totalChunks),
                new Dictionary<string, double> { ["rows"] = rows, ["rows/s"] = Math.Round(rate) }, clock.Elapsed, left));
        }
    }
}
