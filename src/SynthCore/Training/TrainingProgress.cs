namespace SynthCore.Training;

/// <summary>
/// One progress report from a training loop: the CLI draws a bar from it, the notebook updates
/// one display, tests collect them.
/// </summary>
/// <param name="Phase">The training phase ("train", or e.g. "autoencoder", "supervisor", "joint").</param>
/// <param name="Step">Steps (or epochs) completed in this phase, 1-based.</param>
/// <param name="TotalSteps">Steps (or epochs) this phase will run.</param>
/// <param name="Losses">The latest losses by name (e.g. "generator", "discriminator").</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="EstimatedRemaining">Estimate of the time left in the whole fit, or null before there is one.</param>
public sealed record TrainingProgress(
    string Phase,
    int Step,
    int TotalSteps,
    IReadOnlyDictionary<string, double> Losses,
    TimeSpan Elapsed,
    TimeSpan? EstimatedRemaining)
{
    /// <summary>Fraction of the phase completed, 0 to 1.</summary>
    public double Fraction => TotalSteps <= 0 ? 1 : Math.Clamp((double)Step / TotalSteps, 0, 1);
}
