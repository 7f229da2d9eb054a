using System.Globalization;
using SynthCore.Data;

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
        ["dp-noise-multiplier"] = (o, v) => o with { DpNoiseMultiplier = Real("dp-noise-multiplier", v) },
        ["dp-max-grad-norm"] = (o, v) => o with { DpMaxGradNorm = Real("dp-max-grad-norm", v) },
        ["dp-delta"] = (o, v) => o with { DpDelta = Real("dp-delta", v) },
    };

    public static SynthesizerDescriptor Descriptor { get; } = new(
        GanSynthesizer.Name,
        "Vanilla GAN of the screen-time notebook (dense generator and discriminator, BCE, Adam), trained with PacGAN packing and weight averaging.",
        settings => new GanSynthesizer(OptionsFrom(settings)),
        FittedGan.Load);

    /// <summary>Epochs → Steps, BatchSize, LearningRate, Seed, Device, then the extra options.</summary>
    /// <exception cref="SynthOptionException">An unknown extra option (the message lists the allowed ones) or a bad value.</exception>
    public static GanOptions OptionsFrom(SynthesizerSettings settings)
    {
        var defaults = new GanOptions();
        var options = defaults with
        {
            Steps = settings.Epochs ?? defaults.Steps,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            LearningRate = settings.LearningRate ?? defaults.LearningRate,
            Seed = settings.Seed,
            Device = settings.Device,
        };
        foreach (var (name, value) in settings.Extra)
        {
            if (!ExtraOptions.TryGetValue(name, out var apply))
                throw new SynthOptionException(name,
                    $"is not an option of the '{GanSynthesizer.Name}' model. Allowed: {string.Join(", ", ExtraOptions.Keys.Order(StringComparer.Ordinal))}.");
            options = apply(options, value);
        }
        options.Validate();
        return options;
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw new SynthOptionException(name, $"expects a whole number, got '{value}'.");

    private static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result)
            ? result
            : throw new SynthOptionException(name, $"expects a number, got '{value}'.");
}
