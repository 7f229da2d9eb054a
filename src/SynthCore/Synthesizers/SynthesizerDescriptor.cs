using SynthCore.Persistence;

namespace SynthCore.Synthesizers;

/// <summary>One model the registry knows: its CLI name, a description, and how to make and load it.</summary>
/// <param name="Name">The CLI name (<c>gan</c>, <c>ctgan</c>, …).</param>
/// <param name="Description">One line for <c>synth models</c>.</param>
/// <param name="Create">Makes a configured synthesizer from the common settings (throws <see cref="SynthOptionException"/> for bad ones).</param>
/// <param name="Load">Restores a fitted model from a model file whose header names this model.</param>
public sealed record SynthesizerDescriptor(
    string Name,
    string Description,
    Func<SynthesizerSettings, ISynthesizer> Create,
    Func<ModelFileContent, IFittedSynthesizer> Load)
{
    /// <summary>
    /// The fit holds a full correlation or covariance matrix, so its memory grows with columns², which
    /// <see cref="Resources.ResourceGuard.EnsureFitFits"/> counts.
    /// </summary>
    public bool PairwiseMemory { get; init; }

    /// <summary>The model learns and generates whole sequences (rows grouped by a sequence id, ordered in time), not independent rows.</summary>
    public bool Sequential { get; init; }

    /// <summary>The <c>--option</c> pairs the model accepts, with types, defaults and help (from its <see cref="ModelOptionSet{T}"/>).</summary>
    public IReadOnlyList<ModelOptionInfo> Options { get; init; } = [];

    /// <summary>The model is differentially private with its whole budget set by <c>--option epsilon=…</c> (what <c>synth privacy-sweep</c> sweeps).</summary>
    public bool TakesEpsilon { get; init; }

    /// <summary>
    /// The model can train with DP-SGD (<c>--option dp-noise-multiplier=…</c>); its synthesizers are <see cref="IDpSgdSynthesizer"/>s,
    /// so <c>synth privacy-sweep</c> can choose the noise multiplier for each ε.
    /// </summary>
    public bool TrainsWithDpSgd { get; init; }
}
