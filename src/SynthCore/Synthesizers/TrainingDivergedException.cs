namespace SynthCore.Synthesizers;

/// <summary>
/// Training stopped because a loss became NaN or infinite. Carries the model as it was before the
/// step that diverged, when that state is still sound, so the work done so far is not lost.
/// </summary>
public sealed class TrainingDivergedException(string message, int step, IFittedSynthesizer? lastGood)
    : SynthException(message)
{
    /// <summary>The step (or epoch) whose loss was not finite.</summary>
    public int Step { get; } = step;

    /// <summary>The fitted model before that step, or null when its weights were already unsound.</summary>
    public IFittedSynthesizer? LastGood { get; } = lastGood;
}
