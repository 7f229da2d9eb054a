using SynthCore.Synthesizers;
using SynthCore.Torch;
using static SynthCore.Synthesizers.Sequential.SequenceOptionParser;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>How the registry makes and loads the sequence models from the common settings and their extra options.</summary>
internal static class SequenceRegistration
{
    private static readonly Dictionary<string, Func<TimeGanOptions, string, TimeGanOptions>> TimeGanExtra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hidden-dim"] = (o, v) => o with { HiddenDim = Int("hidden-dim", v) },
        ["layers"] = (o, v) => o with { Layers = Int("layers", v) },
        ["gamma"] = (o, v) => o with { Gamma = Real("gamma", v) },
        ["autoencoder-iterations"] = (o, v) => o with { AutoencoderIterations = Int("autoencoder-iterations", v) },
        ["supervisor-iterations"] = (o, v) => o with { SupervisorIterations = Int("supervisor-iterations", v) },
        ["joint-iterations"] = (o, v) => o with { JointIterations = Int("joint-iterations", v) },
        ["discriminator-threshold"] = (o, v) => o with { DiscriminatorThreshold = Real("discriminator-threshold", v) },
        ["init"] = (o, v) => o with
        {
            Initialization = v.ToLowerInvariant() switch
            {
                "torch" => RecurrentInitialization.Torch,
                "tf" => RecurrentInitialization.TensorFlow,
                _ => throw new SynthOptionException("init", $"must be torch or tf (got '{v}')."),
            },
        },
        ["ema-decay"] = (o, v) => o with { EmaDecay = Real("ema-decay", v) },
        ["final-learning-rate"] = (o, v) => o with { FinalLearningRate = Real("final-learning-rate", v) },
        ["threads"] = (o, v) => o with { Threads = Int("threads", v) },
        ["progress-every"] = (o, v) => o with { ProgressEvery = Int("progress-every", v) },
    };

    private static readonly Dictionary<string, Func<ArimaOptions, string, ArimaOptions>> ArimaExtra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["max-p"] = (o, v) => o with { Search = o.Search with { MaxP = Int("max-p", v) } },
        ["max-q"] = (o, v) => o with { Search = o.Search with { MaxQ = Int("max-q", v) } },
        ["max-seasonal-p"] = (o, v) => o with { Search = o.Search with { MaxSeasonalP = Int("max-seasonal-p", v) } },
        ["max-seasonal-q"] = (o, v) => o with { Search = o.Search with { MaxSeasonalQ = Int("max-seasonal-q", v) } },
        ["d"] = (o, v) => o with { Search = o.Search with { D = Int("d", v) } },
        ["seasonal-d"] = (o, v) => o with { Search = o.Search with { SeasonalD = Int("seasonal-d", v) } },
        ["period"] = (o, v) => o with { Search = o.Search with { Period = Int("period", v) } },
        ["max-period"] = (o, v) => o with { Search = o.Search with { MaxPeriod = Int("max-period", v) } },
        ["order"] = (o, v) => o with { Order = ParseOrder(v) },
        ["method"] = (o, v) => o with { Method = ArimaMethodNames.Parse("method", v) },
        ["clip"] = (o, v) => o with { Clip = Bool("clip", v) },
    };

    /// <summary>The AR(1) baseline has a fixed order: only the shared data options apply.</summary>
    private static readonly Dictionary<string, Func<ArimaOptions, string, ArimaOptions>> NoExtra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["method"] = (o, v) => o with { Method = ArimaMethodNames.Parse("method", v) },
        ["clip"] = (o, v) => o with { Clip = Bool("clip", v) },
    };

    private static readonly Dictionary<string, Func<BlockBootstrapOptions, string, BlockBootstrapOptions>> BootstrapExtra = new(StringComparer.OrdinalIgnoreCase)
    {
        ["block-length"] = (o, v) => o with { BlockLength = Int("block-length", v) },
    };

    public static SynthesizerDescriptor TimeGan { get; } = new(
        TimeGanSynthesizer.Name,
        "TimeGAN (Yoon et al. 2019): GRU embedder, recovery, generator, supervisor and discriminator on windows of a series; --epochs = iterations per phase, --rows = sequences.",
        settings =>
        {
            var defaults = new TimeGanOptions();
            var options = defaults with
            {
                Iterations = settings.Epochs ?? defaults.Iterations,
                BatchSize = settings.BatchSize ?? defaults.BatchSize,
                LearningRate = settings.LearningRate ?? defaults.LearningRate,
                Seed = settings.Seed,
                Device = settings.Device,
            };
            options = Apply(options, settings.Extra, TimeGanSynthesizer.Name, TimeGanExtra, o => o.Data, (o, d) => o with { Data = d });
            return new TimeGanSynthesizer(options);
        },
        FittedTimeGan.Load)
    { Sequential = true };

    public static SynthesizerDescriptor Arima { get; } = new(
        ArimaSynthesizer.Name,
        "(S)ARIMA per feature by exact maximum likelihood from CSS starts (method=css|ml|css-ml), order by AIC over a small grid, seasonal period detected from the ACF; --rows = sequences.",
        settings => new ArimaSynthesizer(ArimaOptionsFrom(settings, ArimaSynthesizer.Name, new ArimaOptions())),
        FittedArima.Load)
    { Sequential = true };

    public static SynthesizerDescriptor Ar1 { get; } = new(
        ArimaSynthesizer.Ar1Name,
        "Baseline: an AR(1) per feature; --rows = sequences.",
        settings => new ArimaSynthesizer(ArimaOptionsFrom(settings, ArimaSynthesizer.Ar1Name, new ArimaOptions { Order = new ArimaOrder(1, 0, 0) }), ArimaSynthesizer.Ar1Name),
        FittedArima.Load)
    { Sequential = true };

    public static SynthesizerDescriptor BlockBootstrap { get; } = new(
        BlockBootstrapSynthesizer.Name,
        "Baseline: moving-block bootstrap of the real series (keeps dependence within blocks, repeats real values); --rows = sequences.",
        settings =>
        {
            RejectTraining(settings, BlockBootstrapSynthesizer.Name);
            var options = Apply(new BlockBootstrapOptions { Seed = settings.Seed }, settings.Extra, BlockBootstrapSynthesizer.Name,
                BootstrapExtra, o => o.Data, (o, d) => o with { Data = d });
            return new BlockBootstrapSynthesizer(options);
        },
        FittedBlockBootstrap.Load)
    { Sequential = true };

    private static ArimaOptions ArimaOptionsFrom(SynthesizerSettings settings, string model, ArimaOptions start)
    {
        RejectTraining(settings, model);
        var extra = model == ArimaSynthesizer.Ar1Name ? NoExtra : ArimaExtra;
        return Apply(start with { Seed = settings.Seed }, settings.Extra, model, extra, o => o.Data, (o, d) => o with { Data = d });
    }

    /// <summary>Statistical models have no epochs, batches or learning rate: say so rather than ignore them.</summary>
    private static void RejectTraining(SynthesizerSettings settings, string model)
    {
        if (settings.Epochs is not null) throw new SynthOptionException("--epochs", $"does not apply to the '{model}' model (it is not trained by epochs).");
        if (settings.BatchSize is not null) throw new SynthOptionException("--batch-size", $"does not apply to the '{model}' model.");
        if (settings.LearningRate is not null) throw new SynthOptionException("--learning-rate", $"does not apply to the '{model}' model.");
        if (!string.Equals(settings.Device, "cpu", StringComparison.OrdinalIgnoreCase))
            throw new SynthOptionException("--device", $"does not apply to the '{model}' model (it runs on the CPU).");
    }

    /// <summary>"p,d,q" or "p,d,q,P,D,Q,s".</summary>
    internal static ArimaOrder ParseOrder(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries).Select(p => Int("order", p)).ToArray();
        var order = parts.Length switch
        {
            3 => new ArimaOrder(parts[0], parts[1], parts[2]),
            7 => new ArimaOrder(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]),
            _ => throw new SynthOptionException("order", $"expects p,d,q or p,d,q,P,D,Q,s, got '{value}'."),
        };
        order.Validate();
        return order;
    }
}
