using SynthCore.Training;
using SynthReports.Charts;

namespace SynthCommands;

/// <summary>
/// Receives a fit's progress reports synchronously (unlike Progress&lt;T&gt;, which posts them to the
/// thread pool out of order), shows them in one display that it updates, and records the time
/// between consecutive reports. For the GAN that is one report per <c>progress-every</c> steps, so
/// <see cref="IntervalSeconds"/> holds the seconds per report interval, not per pass over the data.
/// </summary>
internal sealed class TrainingTimeline(ISynthHost host) : IProgress<TrainingProgress>
{
    private readonly List<double> intervals = [];
    private readonly List<LossPoint> losses = [];
    private IDisplayHandle? display;
    private TimeSpan previous = TimeSpan.Zero;

    /// <summary>Seconds between consecutive reports (the first from the start of the fit).</summary>
    public IReadOnlyList<double> IntervalSeconds => intervals;

    /// <summary>Every finite loss reported, by phase and step (for the loss curve of a report).</summary>
    public IReadOnlyList<LossPoint> Losses => losses;

    /// <summary>The last report received, if any.</summary>
    public TrainingProgress? Last { get; private set; }

    public void Report(TrainingProgress value)
    {
        intervals.Add(Math.Max(0, (value.Elapsed - previous).TotalSeconds));
        previous = value.Elapsed;
        Last = value;
        foreach (var (name, loss) in value.Losses)
            if (double.IsFinite(loss)) losses.Add(new LossPoint(value.Phase, value.Step, name, loss));
        if (display is null) display = host.Show(value);
        else display.Update(value);
    }
}
