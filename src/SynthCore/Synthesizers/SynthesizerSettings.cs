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

    /// <summary>
    /// For a model that is not trained by gradient steps: epochs, batch size, learning rate and a device other than
    /// the CPU are refused (said, not ignored), each naming its option; <paramref name="how"/> says how it is fitted.
    /// </summary>
    public void RejectTraining(string model, string how)
    {
        if (Epochs is not null) throw new SynthOptionException("--epochs", $"does not apply to the '{model}' model ({how}).");
        if (BatchSize is not null) throw new SynthOptionException("--batch-size", $"does not apply to the '{model}' model.");
        if (LearningRate is not null) throw new SynthOptionException("--learning-rate", $"does not apply to the '{model}' model.");
        RequireCpu(model);
    }

    /// <summary>For a model that runs on the CPU only: another device is refused, naming --device.</summary>
    public void RequireCpu(string model)
    {
        if (!string.Equals(Device, "cpu", StringComparison.OrdinalIgnoreCase))
            throw new SynthOptionException("--device", $"the '{model}' model runs on the CPU only (got '{Device}').");
    }
}
