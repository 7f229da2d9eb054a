namespace SynthCore.Synthesizers;

/// <summary>
/// The options every front end (CLI, magics, notebooks) can pass to any model by name. Each
/// registry entry maps them onto its own options record and rejects what does not apply.
/// </summary>
public sealed record SynthesizerSettings
{
    /// <summary>Seed of the one random generator of the fit (and default for sampling).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Epochs, or steps for the screen-time GAN, or iterations per phase for TimeGAN; null for the model's default.</summary>
    public int? Epochs { get; init; }

    /// <summary>Batch size; null for the model's default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Learning rate; null for the model's default.</summary>
    public double? LearningRate { get; init; }

    /// <summary>TorchSharp device ("cpu", "cuda", "cuda:1"); neural models only.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Model-specific options by name (e.g. "latent-dim" → "100"), as given on the command line.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
