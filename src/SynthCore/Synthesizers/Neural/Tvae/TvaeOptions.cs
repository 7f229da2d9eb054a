using SynthCore.Torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// Options of the variational autoencoders. The defaults are TVAE's (Xu et al. 2019 and SDV:
/// encoder and decoder 128-128, latent 128, loss factor 2, Adam 1e-3 with L2 1e-5, batch 500,
/// 300 epochs); <see cref="VaeDefaults"/> are the toolkit VAE's.
/// <para>DP-SGD (Abadi et al. 2016, <see cref="NeuralTrainingOptions.DpNoiseMultiplier"/>) on the whole VAE: null trains normally; a value σ Poisson-samples
/// each step's rows with rate batch / rows (⌈rows / batch⌉ steps per epoch), clips each row's
/// gradient of its full loss (reconstruction and KL, over encoder and decoder parameters,
/// learned σ included) to <see cref="DpMaxGradNorm"/>, adds N(0, σ²C²) noise and divides by the
/// expected batch. Both networks see the rows, so both are privatised; the guarantee is
/// <see cref="FittedTvae.DifferentialPrivacy"/>. Slow: one backward pass per row.</para>
/// </summary>
public sealed record TvaeOptions : NeuralTrainingOptions, IValidatedOptions
{
    /// <summary>The registry name these options are for: <c>tvae</c> or <c>vae</c>.</summary>
    public string Model { get; init; } = TvaeSynthesizer.Name;

    /// <summary>Latent code length (TVAE's embedding_dim, the toolkit's encoding_dim).</summary>
    public int EncodingDim { get; init; } = 128;

    /// <summary>Hidden layer widths of the encoder; the decoder uses them reversed.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [128, 128];

    /// <summary>Weight of the reconstruction loss against the KL divergence.</summary>
    public double LossFactor { get; init; } = 2;

    public int Epochs { get; init; } = 300;

    public int BatchSize { get; init; } = 500;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam weight decay (TVAE's l2scale).</summary>
    public double WeightDecay { get; init; } = 1e-5;

    public int MaxModes { get; init; } = 10;

    public double ModeWeightThreshold { get; init; } = 0.005;

    /// <summary>
    /// The toolkit VAE's defaults: a small latent space (8) behind 64-32 layers, 300 epochs of
    /// batch 64 — sized for notebook tables of hundreds of rows, with a latent space small enough
    /// to inspect and interpolate in; the reconstruction weighted 2 against the KL term, as in TVAE.
    /// </summary>
    public static TvaeOptions VaeDefaults { get; } = new()
    {
        Model = TvaeSynthesizer.VaeName, EncodingDim = 8, HiddenLayers = [64, 32], Epochs = 300, BatchSize = 64,
    };

    public bool Equals(TvaeOptions? other) =>
        other is not null && HiddenLayers.SequenceEqual(other.HiddenLayers)
        && (Model, EncodingDim, LossFactor, Epochs, BatchSize, LearningRate, WeightDecay, MaxModes, ModeWeightThreshold)
            == (other.Model, other.EncodingDim, other.LossFactor, other.Epochs, other.BatchSize, other.LearningRate, other.WeightDecay, other.MaxModes, other.ModeWeightThreshold)
        && base.Equals(other);

    public override int GetHashCode() => HashCode.Combine(Model, EncodingDim, Epochs, BatchSize, Seed, HiddenLayers.Count);

    /// <summary>Throws <see cref="SynthOptionException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Model is not (TvaeSynthesizer.Name or TvaeSynthesizer.VaeName)) throw new SynthOptionException("model", $"must be tvae or vae (got '{Model}').");
        if (EncodingDim < 1) throw new SynthOptionException("encoding-dim", $"must be at least 1 (got {EncodingDim}).");
        if (HiddenLayers.Count == 0 || HiddenLayers.Any(h => h < 1))
            throw new SynthOptionException("hidden-layers", $"must be one or more positive widths (got {string.Join(",", HiddenLayers)}).");
        if (!(LossFactor > 0) || double.IsInfinity(LossFactor)) throw new SynthOptionException("loss-factor", $"must be a positive number (got {LossFactor}).");
        if (Epochs < 1) throw new SynthOptionException("epochs", $"must be at least 1 (got {Epochs}).");
        if (BatchSize < 1) throw new SynthOptionException("batch-size", $"must be at least 1 (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new SynthOptionException("learning-rate", $"must be a positive number (got {LearningRate}).");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay)) throw new SynthOptionException("weight-decay", $"must be a non-negative number (got {WeightDecay}).");
        if (MaxModes < 1) throw new SynthOptionException("max-modes", $"must be at least 1 (got {MaxModes}).");
        if (!(ModeWeightThreshold >= 0 && ModeWeightThreshold < 1)) throw new SynthOptionException("mode-weight-threshold", $"must be in [0, 1) (got {ModeWeightThreshold}).");
        SynthCore.Resources.ResourceGuard.EnsureThreads("threads", Threads);
        DpSgdOptionChecks.Validate(DpNoiseMultiplier, DpMaxGradNorm, DpDelta);
        TorchDevices.Resolve(Device, "device");
    }
}
