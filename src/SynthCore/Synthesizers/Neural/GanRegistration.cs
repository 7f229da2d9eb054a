using System.Globalization;

namespace SynthCore.Synthesizers.Neural;

/// <summary>How the registry makes and loads the GAN: common settings and extra options onto <see cref="GanOptions"/>.</summary>
internal static class GanRegistration
{
    /// <summary>The extra options the GAN accepts (<c>--option name=value</c>), with what they set.</summary>
    private static readonly Dictionary<string, Func<GanOptions, string, GanOptions>> ExtraOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["latent-dim"] = (o, v) => o with { LatentDim = Int("latent-dim", v) },
        ["progress-every"] = (o, v) => o with { ProgressEvery = Int("progress-every", v) },
        ["threads"] = (o, v) => o with { Threads = Int("threads", v) },
        ["pac"] = (o, v) => o with { Pac = Int("pac", v) },
        ["beta1"] = (o, v) => o with { Beta1 = Real("beta1", v) },
        ["beta2"] = (o, v) => o with { Beta2 = Real("beta2", v) },
        ["real-label"] = (o, v) => o with { RealLabel = Real("real-label", v) },
        ["gumbel-temperature"] = (o, v) => o with { GumbelTemperature = Real("gumbel-temperature", v) },
        ["generator-average-decay"] = (o, v) => o with { GeneratorAverageDecay = Real("generator-average-decay", v) },
        ["critic-steps"] = (o, v) => o with { CriticSteps = Int("critic-steps", v) },
        ["gradient-penalty"] = (o, v) => o with { GradientPenalty = Real("gradient-penalty", v) },
        ["dp-noise-multiplier"] = (o, v) => o with { DpNoiseMultiplier = Real("dp-noise-multiplier", v) },
        ["dp-max-grad-norm"] = (o, v) => o with { DpMaxGradNorm = Real("dp-max-grad-norm", v) },
        ["dp-delta"] = (o, v) => o with { DpDelta = Real("dp-delta", v) },
        ["dp-count-noise-multiplier"] = (o, v) => o with { DpCountNoiseMultiplier = Real("dp-count-noise-multiplier", v) },
    };

    /// <summary>The conditional GAN's extras: the GAN's, the condition column and the loss.</summary>
    private static readonly Dictionary<string, Func<GanOptions, string, GanOptions>> ConditionalExtraOptions = new(ExtraOptions, StringComparer.OrdinalIgnoreCase)
    {
        ["condition"] = (o, v) => o with { Condition = v },
        ["loss"] = (o, v) => v.Trim().ToLowerInvariant() switch
        {
            "bce" => o with { Loss = GanLoss.Bce },
            "wgan-gp" => o with { Loss = GanLoss.WganGp, CriticSteps = GanOptions.WganGpDefaults.CriticSteps, LearningRate = GanOptions.WganGpDefaults.LearningRate, Beta2 = GanOptions.WganGpDefaults.Beta2, RealLabel = 1 },
            _ => throw new SynthOptionException("loss", $"must be bce or wgan-gp (got '{v}')."),
        },
    };

    public static SynthesizerDescriptor Descriptor { get; } = new(
        GanSynthesizer.Name,
        "Vanilla GAN of the screen-time notebook (dense generator and discriminator, BCE, Adam), trained with PacGAN packing and weight averaging.",
        settings => new GanSynthesizer(OptionsFrom(settings)),
        FittedGan.Load) { TrainsWithDpSgd = true };

    public static SynthesizerDescriptor WassersteinDescriptor { get; } = new(
        GanSynthesizer.WassersteinName,
        "The screen-time GAN with the WGAN-GP loss (critic without sigmoid, gradient penalty 10, 5 critic steps, Adam 1e-4 / 0.5 / 0.9).",
        settings => new GanSynthesizer(OptionsFrom(settings, GanOptions.WganGpDefaults)),
        FittedGan.Load) { TrainsWithDpSgd = true };

    public static SynthesizerDescriptor ConditionalDescriptor { get; } = new(
        GanSynthesizer.ConditionalName,
        "Conditional screen-time GAN: generates for a chosen category (--option condition=COLUMN; loss=bce or wgan-gp).",
        settings => new GanSynthesizer(OptionsFrom(settings, new GanOptions(), conditional: true)),
        FittedGan.Load) { TrainsWithDpSgd = true };

    /// <summary>Epochs → Steps, BatchSize, LearningRate, Seed, Device, then the extra options, over <paramref name="defaults"/>; with dp-noise-multiplier and no pac, pac 1.</summary>
    /// <exception cref="SynthOptionException">An unknown extra option (the message lists the allowed ones) or a bad value; for the conditional GAN, no condition.</exception>
    public static GanOptions OptionsFrom(SynthesizerSettings settings, GanOptions? defaults = null, bool conditional = false)
    {
        defaults ??= new GanOptions();
        var extras = conditional ? ConditionalExtraOptions : ExtraOptions;
        string model = conditional ? GanSynthesizer.ConditionalName : defaults.ModelName;
        var options = defaults with
        {
            Steps = settings.Epochs ?? defaults.Steps,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            LearningRate = settings.LearningRate ?? defaults.LearningRate,
            Seed = settings.Seed,
            Device = settings.Device,
        };
        // "loss" first: it resets the learning rate and betas the other options may then override.
        foreach (var (name, value) in settings.Extra.OrderBy(e => !e.Key.Equals("loss", StringComparison.OrdinalIgnoreCase)))
        {
            if (!extras.TryGetValue(name, out var apply))
                throw new SynthOptionException(name,
                    $"is not an option of the '{model}' model. Allowed: {string.Join(", ", extras.Keys.Order(StringComparer.Ordinal))}.");
            options = apply(options, value);
        }
        if (settings.LearningRate is { } rate) options = options with { LearningRate = rate };
        // DP-SGD clips each row's gradient, which packs would mix: unless pac is given, DP means pac 1.
        if (options.DpNoiseMultiplier is not null && !settings.Extra.Keys.Any(k => k.Equals("pac", StringComparison.OrdinalIgnoreCase)))
            options = options with { Pac = 1 };
        if (conditional && options.Condition is null)
            throw new SynthOptionException("condition", "the conditional GAN needs the categorical column to condition on: --option condition=COLUMN.");
        options.Validate();
        return options;
    }

    internal static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw new SynthOptionException(name, $"expects a whole number, got '{value}'.");

    internal static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result)
            ? result
            : throw new SynthOptionException(name, $"expects a number, got '{value}'.");

    /// <summary>"256,256" → [256, 256].</summary>
    internal static int[] Widths(string name, string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => Int(name, v)).ToArray();
}
