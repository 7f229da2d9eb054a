using SynthCore.Training;
using SynthReports.Charts;

namespace SynthKernelExtension.Notebook;

/// <summary>How a fit shown in a notebook ended, or that it is still running.</summary>
public enum TrainingStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>
/// One fit as a notebook shows it: the latest progress report, the losses reported so far (for
/// the live loss chart), and whether the fit is still running. The notebook host updates one
/// display of it in place.
/// </summary>
public sealed class TrainingView
{
    private readonly List<LossPoint> losses = [];

    public TrainingView(TrainingProgress first)
    {
        Latest = first;
        Add(first);
    }

    /// <summary>The latest report.</summary>
    public TrainingProgress Latest { get; private set; }

    /// <summary>Every loss reported so far, by phase and step.</summary>
    public IReadOnlyList<LossPoint> Losses => losses;

    public TrainingStatus Status { get; private set; } = TrainingStatus.Running;

    /// <summary>Why the fit stopped, when it was cancelled or failed.</summary>
    public string? StatusMessage { get; private set; }

    /// <summary>Unique per view, so that several fits on one page draw into their own chart.</summary>
    public string Id { get; } = "synth-" + Guid.NewGuid().ToString("N")[..12];

    public void Add(TrainingProgress progress)
    {
        Latest = progress;
        foreach (var (name, value) in progress.Losses)
            if (double.IsFinite(value)) losses.Add(new LossPoint(progress.Phase, progress.Step, name, value));
    }

    /// <summary>
    /// Whether the display carries plotly.js itself (<see cref="Formatters.PlotlyLibrary"/>): the first display
    /// and the final one do, so the output saved with the notebook draws on its own; the updates in between
    /// draw with the copy the first one put on the page.
    /// </summary>
    public bool CarriesPlotly { get; set; } = true;

    public void Finish(TrainingStatus status, string? message = null)
    {
        Status = status;
        CarriesPlotly = true;
        StatusMessage = message;
    }
}
