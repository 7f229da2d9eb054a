namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>Registry entries of TVAE and the VAE: common settings and <c>--option</c> extras onto <see cref="TvaeOptions"/>.</summary>
internal static class TvaeRegistration
{
    private static readonly Dictionary<string, Func<TvaeOptions, string, TvaeOptions>> ExtraOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["encoding-dim"] = (o, v) => o with { EncodingDim = GanRegistration.Int("encoding-dim", v) },
        ["encoding_dim"] = (o, v) => o with { EncodingDim = GanRegistration.Int("encoding_dim", v) },
        ["hidden-layers"] = (o, v) => o with { HiddenLayers = GanRegistration.Widths("hidden-layers", v) },
        ["hidden_layers"] = (o, v) => o with { HiddenLayers = GanRegistration.Widths("hidden_layers", v) },
        ["loss-factor"] = (o, v) => o with { LossFactor = GanRegistration.Real("loss-factor", v) },
        ["weight-decay"] = (o, v) => o with { WeightDecay = GanRegistration.Real("weight-decay", v) },
        ["max-modes"] = (o, v) => o with { MaxModes = GanRegistration.Int("max-modes", v) },
        ["mode-weight-threshold"] = (o, v) => o with { ModeWeightThreshold = GanRegistration.Real("mode-weight-threshold", v) },
        ["threads"] = (o, v) => o with { Threads = GanRegistration.Int("threads", v) },
        ["dp-noise-multiplier"] = (o, v) => o with { DpNoiseMultiplier = GanRegistration.Real("dp-noise-multiplier", v) },
        ["dp-max-grad-norm"] = (o, v) => o with { DpMaxGradNorm = GanRegistration.Real("dp-max-grad-norm", v) },
        ["dp-delta"] = (o, v) => o with { DpDelta = GanRegistration.Real("dp-delta", v) },
    };

    public static SynthesizerDescriptor TvaeDescriptor { get; } = new(
        TvaeSynthesizer.Name,
        "TVAE (Xu et al. 2019): variational autoencoder over CTGAN's mode-specific normalisation, 128-128 layers, latent 128, learned per-column σ.",
        settings => new TvaeSynthesizer(OptionsFrom(settings, new TvaeOptions())),
        FittedTvae.Load) { TrainsWithDpSgd = true };

    public static SynthesizerDescriptor VaeDescriptor { get; } = new(
        TvaeSynthesizer.VaeName,
        "The toolkit's VAE (encoding_dim, hidden_layers, epochs, batch_size): reports reconstruction loss, KL divergence and latent statistics; latent codes and interpolation with synth encode and interpolate.",
        settings => new TvaeSynthesizer(OptionsFrom(settings, TvaeOptions.VaeDefaults)),
        FittedTvae.Load) { TrainsWithDpSgd = true };

    public static TvaeOptions OptionsFrom(SynthesizerSettings settings, TvaeOptions defaults)
    {
        var options = defaults with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            LearningRate = settings.LearningRate ?? defaults.LearningRate,
            Seed = settings.Seed,
            Device = settings.Device,
        };
        foreach (var (name, value) in settings.Extra)
        {
            if (!ExtraOptions.TryGetValue(name, out var apply))
                throw new SynthOptionException(name, $"is not an option of the '{defaults.Model}' model. Allowed: {string.Join(", ", ExtraOptions.Keys.Order(StringComparer.Ordinal))}.");
            options = apply(options, value);
        }
        options.Validate();
        return options;
    }
}
