namespace SynthCore.Synthesizers.Neural;

/// <summary>How the registry makes and loads the GAN: common settings and extra options onto <see cref="GanOptions"/>.</summary>
internal static class GanRegistration
{
    /// <summary>The options the GAN accepts (<c>--option name=value</c>), with what they set.</summary>
    private static readonly ModelOptionSet<GanOptions> Extras = new ModelOptionSet<GanOptions>(
        ModelOption.Int<GanOptions>("latent-dim", o => o.LatentDim, (o, v) => o with { LatentDim = v }, "size of the generator's noise input"),
        ModelOption.Int<GanOptions>("progress-every", o => o.ProgressEvery, (o, v) => o with { ProgressEvery = v }, "steps between progress reports"),
        ModelOption.Int<GanOptions>("pac", o => o.Pac, (o, v) => o with { Pac = v }, "rows the discriminator sees as one (PacGAN); 1 with DP-SGD"),
        ModelOption.Real<GanOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }, "Adam's first-moment decay"),
        ModelOption.Real<GanOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }, "Adam's second-moment decay"),
        ModelOption.Real<GanOptions>("real-label", o => o.RealLabel, (o, v) => o with { RealLabel = v }, "target for real rows (one-sided label smoothing)"),
        ModelOption.Real<GanOptions>("gumbel-temperature", o => o.GumbelTemperature, (o, v) => o with { GumbelTemperature = v }, "softness of generated categories"),
        ModelOption.Real<GanOptions>("generator-average-decay", o => o.GeneratorAverageDecay, (o, v) => o with { GeneratorAverageDecay = v }, "weight averaging of the sampled generator"),
        ModelOption.Int<GanOptions>("critic-steps", o => o.CriticSteps, (o, v) => o with { CriticSteps = v }, "discriminator steps per generator step"),
        ModelOption.Real<GanOptions>("gradient-penalty", o => o.GradientPenalty, (o, v) => o with { GradientPenalty = v }, "WGAN-GP's penalty weight"),
        ModelOption.Real<GanOptions>("dp-count-noise-multiplier", o => o.DpCountNoiseMultiplier, (o, v) => o with { DpCountNoiseMultiplier = v }, "DP: noise on the released category counts"))
        .And(NeuralTrainingOptions.Declared<GanOptions>());

    /// <summary>The conditional GAN's: the GAN's, the condition column and the loss.</summary>
    private static readonly ModelOptionSet<GanOptions> ConditionalExtras = Extras.And(
    [
        ModelOption.Text<GanOptions>("condition", o => o.Condition, (o, v) => o with { Condition = v }, "the categorical column to generate for", "column"),
        ModelOption.Custom<GanOptions>("loss", "bce|wgan-gp", o => o.Loss == GanLoss.WganGp ? "wgan-gp" : "bce", (o, v) => ModelOption.ParseChoice("loss", v, "bce", "wgan-gp") switch
        {
            "bce" => o with { Loss = GanLoss.Bce },
            _ => o with { Loss = GanLoss.WganGp, CriticSteps = GanOptions.WganGpDefaults.CriticSteps, LearningRate = GanOptions.WganGpDefaults.LearningRate, Beta2 = GanOptions.WganGpDefaults.Beta2, RealLabel = 1 },
        }, "the loss; wgan-gp also sets WGAN-GP's critic steps, learning rate and betas"),
    ]);

    public static SynthesizerDescriptor Descriptor { get; } = Entry(GanSynthesizer.Name,
        "Vanilla GAN of the screen-time notebook (dense generator and discriminator, BCE, Adam), trained with PacGAN packing and weight averaging.",
        new GanOptions());

    public static SynthesizerDescriptor WassersteinDescriptor { get; } = Entry(GanSynthesizer.WassersteinName,
        "The screen-time GAN with the WGAN-GP loss (critic without sigmoid, gradient penalty 10, 5 critic steps, Adam 1e-4 / 0.5 / 0.9).",
        GanOptions.WganGpDefaults);

    public static SynthesizerDescriptor ConditionalDescriptor { get; } = Entry(GanSynthesizer.ConditionalName,
        "Conditional screen-time GAN: generates for a chosen category (--option condition=COLUMN; loss=bce or wgan-gp).",
        new GanOptions(), conditional: true);

    /// <summary>The registry entry of one of the three GANs, which differ in their defaults and, for the conditional one, its options.</summary>
    private static SynthesizerDescriptor Entry(string name, string summary, GanOptions defaults, bool conditional = false) =>
        new(name, summary, settings => new GanSynthesizer(OptionsFrom(settings, defaults, conditional)), FittedGan.Load)
        { TrainsWithDpSgd = true, Options = (conditional ? ConditionalExtras : Extras).Describe(defaults) };

    /// <summary>Epochs → Steps, BatchSize, LearningRate, Seed, Device, then the extra options, over <paramref name="defaults"/>; with dp-noise-multiplier and no pac, pac 1.</summary>
    /// <exception cref="SynthOptionException">An unknown extra option (the message lists the allowed ones) or a bad value; for the conditional GAN, no condition.</exception>
    public static GanOptions OptionsFrom(SynthesizerSettings settings, GanOptions? defaults = null, bool conditional = false)
    {
        defaults ??= new GanOptions();
        var extras = conditional ? ConditionalExtras : Extras;
        string model = conditional ? GanSynthesizer.ConditionalName : defaults.ModelName;
        var options = NeuralTrainingOptions.WithRunSettings(defaults, settings) with
        {
            Steps = settings.Epochs ?? defaults.Steps,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            LearningRate = settings.LearningRate ?? defaults.LearningRate,
        };
        // "loss" first: it resets the learning rate and betas the other options may then override.
        options = extras.Apply(options, settings.Extra, model, "loss");
        if (settings.LearningRate is { } rate) options = options with { LearningRate = rate };
        // DP-SGD clips each row's gradient, which packs would mix: unless pac is given, DP means pac 1.
        if (options.DpNoiseMultiplier is not null && !ModelOptionSet<GanOptions>.Gives(settings.Extra, "pac"))
            options = options with { Pac = 1 };
        if (conditional && options.Condition is null)
            throw new SynthOptionException("condition", "the conditional GAN needs the categorical column to condition on: --option condition=COLUMN.");
        options.Validate();
        return options;
    }
}
