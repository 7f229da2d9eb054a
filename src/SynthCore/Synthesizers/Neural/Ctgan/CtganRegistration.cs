namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>How the registry makes and loads CTGAN: common settings and <c>--option</c> extras onto <see cref="CtganOptions"/>.</summary>
internal static class CtganRegistration
{
    private static readonly Dictionary<string, Func<CtganOptions, string, CtganOptions>> ExtraOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["embedding-dim"] = (o, v) => o with { EmbeddingDim = GanRegistration.Int("embedding-dim", v) },
        ["generator-dims"] = (o, v) => o with { GeneratorDims = GanRegistration.Widths("generator-dims", v) },
        ["discriminator-dims"] = (o, v) => o with { DiscriminatorDims = GanRegistration.Widths("discriminator-dims", v) },
        ["generator-lr"] = (o, v) => o with { GeneratorLearningRate = GanRegistration.Real("generator-lr", v) },
        ["discriminator-lr"] = (o, v) => o with { DiscriminatorLearningRate = GanRegistration.Real("discriminator-lr", v) },
        ["weight-decay"] = (o, v) => o with { WeightDecay = GanRegistration.Real("weight-decay", v) },
        ["beta1"] = (o, v) => o with { Beta1 = GanRegistration.Real("beta1", v) },
        ["beta2"] = (o, v) => o with { Beta2 = GanRegistration.Real("beta2", v) },
        ["discriminator-steps"] = (o, v) => o with { DiscriminatorSteps = GanRegistration.Int("discriminator-steps", v) },
        ["pac"] = (o, v) => o with { Pac = GanRegistration.Int("pac", v) },
        ["gradient-penalty"] = (o, v) => o with { GradientPenalty = GanRegistration.Real("gradient-penalty", v) },
        ["dropout"] = (o, v) => o with { Dropout = GanRegistration.Real("dropout", v) },
        ["gumbel-temperature"] = (o, v) => o with { GumbelTemperature = GanRegistration.Real("gumbel-temperature", v) },
        ["max-modes"] = (o, v) => o with { MaxModes = GanRegistration.Int("max-modes", v) },
        ["mode-weight-threshold"] = (o, v) => o with { ModeWeightThreshold = GanRegistration.Real("mode-weight-threshold", v) },
        ["log-frequency"] = (o, v) => o with
        {
            LogFrequency = bool.TryParse(v, out bool b) ? b : throw new SynthOptionException("log-frequency", $"expects true or false, got '{v}'."),
        },
        ["threads"] = (o, v) => o with { Threads = GanRegistration.Int("threads", v) },
        ["generator-average-decay"] = (o, v) => o with { GeneratorAverageDecay = GanRegistration.Real("generator-average-decay", v) },
        ["dp-noise-multiplier"] = (o, v) => o with { DpNoiseMultiplier = GanRegistration.Real("dp-noise-multiplier", v) },
        ["dp-max-grad-norm"] = (o, v) => o with { DpMaxGradNorm = GanRegistration.Real("dp-max-grad-norm", v) },
        ["dp-delta"] = (o, v) => o with { DpDelta = GanRegistration.Real("dp-delta", v) },
        ["dp-count-noise-multiplier"] = (o, v) => o with { DpCountNoiseMultiplier = GanRegistration.Real("dp-count-noise-multiplier", v) },
    };

    public static SynthesizerDescriptor Descriptor { get; } = new(
        CtganSynthesizer.Name,
        "CTGAN (Xu et al. 2019): mode-specific normalisation, conditional vector with training-by-sampling, PacGAN WGAN-GP critic, residual generator.",
        settings => new CtganSynthesizer(OptionsFrom(settings)),
        FittedCtgan.Load) { TrainsWithDpSgd = true };

    /// <summary>Epochs, BatchSize, LearningRate (both networks), Seed, Device, then the extras; with dp-noise-multiplier and no pac, pac 1.</summary>
    /// <exception cref="SynthOptionException">An unknown extra (the message lists the allowed ones) or a bad value.</exception>
    public static CtganOptions OptionsFrom(SynthesizerSettings settings)
    {
        var defaults = new CtganOptions();
        var options = defaults with
        {
            Epochs = settings.Epochs ?? defaults.Epochs,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            GeneratorLearningRate = settings.LearningRate ?? defaults.GeneratorLearningRate,
            DiscriminatorLearningRate = settings.LearningRate ?? defaults.DiscriminatorLearningRate,
            Seed = settings.Seed,
            Device = settings.Device,
        };
        foreach (var (name, value) in settings.Extra)
        {
            if (!ExtraOptions.TryGetValue(name, out var apply))
                throw new SynthOptionException(name,
                    $"is not an option of the '{CtganSynthesizer.Name}' model. Allowed: {string.Join(", ", ExtraOptions.Keys.Order(StringComparer.Ordinal))}.");
            options = apply(options, value);
        }
        // DP-SGD clips each row's gradient, which packs would mix: unless pac is given, DP means pac 1.
        if (options.DpNoiseMultiplier is not null && !settings.Extra.Keys.Any(k => k.Equals("pac", StringComparison.OrdinalIgnoreCase)))
            options = options with { Pac = 1 };
        options.Validate();
        return options;
    }
}
