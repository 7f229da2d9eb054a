namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>Registry entries of TVAE and the VAE: common settings and <c>--option</c> extras onto <see cref="TvaeOptions"/>.</summary>
internal static class TvaeRegistration
{
    // The toolkit's scripts spell two options with underscores; both spellings are kept.
    private static ModelOption<TvaeOptions> EncodingDim(string name, string help) =>
        ModelOption.Int<TvaeOptions>(name, o => o.EncodingDim, (o, v) => o with { EncodingDim = v }, help);
    private static ModelOption<TvaeOptions> HiddenLayers(string name, string help) =>
        ModelOption.Widths<TvaeOptions>(name, o => o.HiddenLayers, (o, v) => o with { HiddenLayers = v }, help);

    private static readonly ModelOptionSet<TvaeOptions> Extras = new ModelOptionSet<TvaeOptions>(
        EncodingDim("encoding-dim", "size of the latent code"), EncodingDim("encoding_dim", "same as encoding-dim"),
        HiddenLayers("hidden-layers", "encoder and decoder layer widths"), HiddenLayers("hidden_layers", "same as hidden-layers"),
        ModelOption.Real<TvaeOptions>("loss-factor", o => o.LossFactor, (o, v) => o with { LossFactor = v }, "weight of the reconstruction loss against the KL term"),
        ModelOption.Real<TvaeOptions>("weight-decay", o => o.WeightDecay, (o, v) => o with { WeightDecay = v }, "Adam's weight decay"),
        ModelOption.Int<TvaeOptions>("max-modes", o => o.MaxModes, (o, v) => o with { MaxModes = v }, "most mixture modes per numeric column"),
        ModelOption.Real<TvaeOptions>("mode-weight-threshold", o => o.ModeWeightThreshold, (o, v) => o with { ModeWeightThreshold = v }, "modes lighter than this are dropped"))
        .And(NeuralTrainingOptions.Declared<TvaeOptions>());

    public static SynthesizerDescriptor TvaeDescriptor { get; } = Entry(TvaeSynthesizer.Name,
        "TVAE (Xu et al. 2019): variational autoencoder over CTGAN's mode-specific normalisation, 128-128 layers, latent 128, learned per-column σ.",
        new TvaeOptions());

    public static SynthesizerDescriptor VaeDescriptor { get; } = Entry(TvaeSynthesizer.VaeName,
        "The toolkit's VAE (encoding_dim, hidden_layers, epochs, batch_size): reports reconstruction loss, KL divergence and latent statistics; latent codes and interpolation with synth encode and interpolate.",
        TvaeOptions.VaeDefaults);

    /// <summary>The registry entry of one of the two models, which differ only in their defaults.</summary>
    private static SynthesizerDescriptor Entry(string name, string summary, TvaeOptions defaults) =>
        new(name, summary, settings => new TvaeSynthesizer(OptionsFrom(settings, defaults)), FittedTvae.Load)
        { TrainsWithDpSgd = true, Options = Extras.Describe(defaults) };

    public static TvaeOptions OptionsFrom(SynthesizerSettings settings, TvaeOptions defaults)
    {
        var options = NeuralTrainingOptions.WithRunSettings(defaults, settings) with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            LearningRate = settings.LearningRate ?? defaults.LearningRate,
        };
        options = Extras.Apply(options, settings.Extra, defaults.Model);
        options.Validate();
        return options;
    }
}
