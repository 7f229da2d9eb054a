namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>How the registry makes and loads CTGAN: common settings and <c>--option</c> extras onto <see cref="CtganOptions"/>.</summary>
internal static class CtganRegistration
{
    private static readonly ModelOptionSet<CtganOptions> Extras = new ModelOptionSet<CtganOptions>(
        ModelOption.Int<CtganOptions>("embedding-dim", o => o.EmbeddingDim, (o, v) => o with { EmbeddingDim = v }, "size of the generator's noise input"),
        ModelOption.Widths<CtganOptions>("generator-dims", o => o.GeneratorDims, (o, v) => o with { GeneratorDims = v }, "the generator's residual layer widths"),
        ModelOption.Widths<CtganOptions>("discriminator-dims", o => o.DiscriminatorDims, (o, v) => o with { DiscriminatorDims = v }, "the critic's layer widths"),
        ModelOption.Real<CtganOptions>("generator-lr", o => o.GeneratorLearningRate, (o, v) => o with { GeneratorLearningRate = v }, "the generator's learning rate"),
        ModelOption.Real<CtganOptions>("discriminator-lr", o => o.DiscriminatorLearningRate, (o, v) => o with { DiscriminatorLearningRate = v }, "the critic's learning rate"),
        ModelOption.Real<CtganOptions>("weight-decay", o => o.WeightDecay, (o, v) => o with { WeightDecay = v }, "Adam's weight decay"),
        ModelOption.Real<CtganOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }, "Adam's first-moment decay"),
        ModelOption.Real<CtganOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }, "Adam's second-moment decay"),
        ModelOption.Int<CtganOptions>("discriminator-steps", o => o.DiscriminatorSteps, (o, v) => o with { DiscriminatorSteps = v }, "critic steps per generator step"),
        ModelOption.Int<CtganOptions>("pac", o => o.Pac, (o, v) => o with { Pac = v }, "rows the critic sees as one (PacGAN); 1 with DP-SGD"),
        ModelOption.Real<CtganOptions>("gradient-penalty", o => o.GradientPenalty, (o, v) => o with { GradientPenalty = v }, "WGAN-GP's penalty weight"),
        ModelOption.Real<CtganOptions>("dropout", o => o.Dropout, (o, v) => o with { Dropout = v }, "the critic's dropout"),
        ModelOption.Real<CtganOptions>("gumbel-temperature", o => o.GumbelTemperature, (o, v) => o with { GumbelTemperature = v }, "softness of generated categories and modes"),
        ModelOption.Int<CtganOptions>("max-modes", o => o.MaxModes, (o, v) => o with { MaxModes = v }, "most mixture modes per numeric column"),
        ModelOption.Real<CtganOptions>("mode-weight-threshold", o => o.ModeWeightThreshold, (o, v) => o with { ModeWeightThreshold = v }, "modes lighter than this are dropped"),
        ModelOption.Bool<CtganOptions>("log-frequency", o => o.LogFrequency, (o, v) => o with { LogFrequency = v }, "training-by-sampling draws categories by log frequency"),
        ModelOption.Real<CtganOptions>("generator-average-decay", o => o.GeneratorAverageDecay, (o, v) => o with { GeneratorAverageDecay = v }, "weight averaging of the sampled generator (0: off)"),
        ModelOption.Real<CtganOptions>("dp-count-noise-multiplier", o => o.DpCountNoiseMultiplier, (o, v) => o with { DpCountNoiseMultiplier = v }, "DP: noise on the released category counts"))
        .And(NeuralTrainingOptions.Declared<CtganOptions>());

    public static SynthesizerDescriptor Descriptor { get; } = new(
        CtganSynthesizer.Name,
        "CTGAN (Xu et al. 2019): mode-specific normalisation, conditional vector with training-by-sampling, PacGAN WGAN-GP critic, residual generator.",
        settings => new CtganSynthesizer(OptionsFrom(settings)),
        FittedCtgan.Load)
    { TrainsWithDpSgd = true, Options = Extras.Describe(new CtganOptions()) };

    /// <summary>Epochs, BatchSize, LearningRate (both networks), Seed, Device, then the extras; with dp-noise-multiplier and no pac, pac 1.</summary>
    /// <exception cref="SynthOptionException">An unknown extra (the message lists the allowed ones) or a bad value.</exception>
    public static CtganOptions OptionsFrom(SynthesizerSettings settings)
    {
        var defaults = new CtganOptions();
        var options = NeuralTrainingOptions.WithRunSettings(defaults, settings) with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            GeneratorLearningRate = settings.LearningRate ?? defaults.GeneratorLearningRate,
            DiscriminatorLearningRate = settings.LearningRate ?? defaults.DiscriminatorLearningRate,
        };
        options = Extras.Apply(options, settings.Extra, CtganSynthesizer.Name);
        // DP-SGD clips each row's gradient, which packs would mix: unless pac is given, DP means pac 1.
        if (options.DpNoiseMultiplier is not null && !ModelOptionSet<CtganOptions>.Gives(settings.Extra, "pac"))
            options = options with { Pac = 1 };
        options.Validate();
        return options;
    }
}
