using SynthCore.Torch;
using static SynthCore.Synthesizers.Sequential.SequenceOptionParser;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>How the registry makes and loads the sequence models from the common settings and their extra options.</summary>
internal static class SequenceRegistration
{
    private static readonly ModelOptionSet<TimeGanOptions> TimeGanExtras = WithData<TimeGanOptions>(
    [
        ModelOption.Int<TimeGanOptions>("hidden-dim", o => o.HiddenDim, (o, v) => o with { HiddenDim = v }, "GRU width"),
        ModelOption.Int<TimeGanOptions>("layers", o => o.Layers, (o, v) => o with { Layers = v }, "GRU layers per network"),
        ModelOption.Real<TimeGanOptions>("gamma", o => o.Gamma, (o, v) => o with { Gamma = v }, "weight of the latent-space adversarial loss"),
        ModelOption.Int<TimeGanOptions>("autoencoder-iterations", o => o.AutoencoderIterations, (o, v) => o with { AutoencoderIterations = v }, "embedding phase (default: --epochs)"),
        ModelOption.Int<TimeGanOptions>("supervisor-iterations", o => o.SupervisorIterations, (o, v) => o with { SupervisorIterations = v }, "supervised phase (default: --epochs)"),
        ModelOption.Int<TimeGanOptions>("joint-iterations", o => o.JointIterations, (o, v) => o with { JointIterations = v }, "joint phase (default: --epochs)"),
        ModelOption.Real<TimeGanOptions>("discriminator-threshold", o => o.DiscriminatorThreshold, (o, v) => o with { DiscriminatorThreshold = v }, "the discriminator trains only above this loss"),
        ModelOption.Custom<TimeGanOptions>("init", "torch|tf", o => o.Initialization == RecurrentInitialization.Torch ? "torch" : "tf",
            (o, v) => o with { Initialization = ModelOption.ParseChoice("init", v, "torch", "tf") == "torch" ? RecurrentInitialization.Torch : RecurrentInitialization.TensorFlow },
            "GRU weight initialisation: PyTorch's or TensorFlow's (the paper's)"),
        ModelOption.Real<TimeGanOptions>("ema-decay", o => o.EmaDecay, (o, v) => o with { EmaDecay = v }, "weight averaging of the sampled generator (0: off)"),
        ModelOption.Real<TimeGanOptions>("final-learning-rate", o => o.FinalLearningRate, (o, v) => o with { FinalLearningRate = v }, "learning rate the joint phase decays to"),
        ModelOption.Int<TimeGanOptions>("threads", o => o.Threads, (o, v) => o with { Threads = v }, "CPU threads for torch"),
        ModelOption.Int<TimeGanOptions>("progress-every", o => o.ProgressEvery, (o, v) => o with { ProgressEvery = v }, "iterations between progress reports"),
    ], o => o.Data, (o, d) => o with { Data = d });

    private static readonly ModelOption<ArimaOptions> Method = ModelOption.Custom<ArimaOptions>("method", "css|ml|css-ml", o => o.Method.ToText(),
        (o, v) => o with { Method = ArimaMethodNames.Parse("method", v) }, "estimation: conditional sum of squares, exact maximum likelihood, or ML from CSS starts");
    private static readonly ModelOption<ArimaOptions> Clip = ModelOption.Custom<ArimaOptions>("clip", "true|false", o => o.Clip,
        (o, v) => o with { Clip = ModelOption.ParseBool("clip", v) }, "clip samples to the observed range (default: only undifferenced models)");

    private static readonly ModelOptionSet<ArimaOptions> ArimaExtras = WithData<ArimaOptions>(
    [
        ModelOption.Int<ArimaOptions>("max-p", o => o.Search.MaxP, (o, v) => o with { Search = o.Search with { MaxP = v } }, "largest AR order searched"),
        ModelOption.Int<ArimaOptions>("max-q", o => o.Search.MaxQ, (o, v) => o with { Search = o.Search with { MaxQ = v } }, "largest MA order searched"),
        ModelOption.Int<ArimaOptions>("max-seasonal-p", o => o.Search.MaxSeasonalP, (o, v) => o with { Search = o.Search with { MaxSeasonalP = v } }, "largest seasonal AR order searched"),
        ModelOption.Int<ArimaOptions>("max-seasonal-q", o => o.Search.MaxSeasonalQ, (o, v) => o with { Search = o.Search with { MaxSeasonalQ = v } }, "largest seasonal MA order searched"),
        ModelOption.Int<ArimaOptions>("d", o => o.Search.D, (o, v) => o with { Search = o.Search with { D = v } }, "differences (default: by unit-root test)"),
        ModelOption.Int<ArimaOptions>("seasonal-d", o => o.Search.SeasonalD, (o, v) => o with { Search = o.Search with { SeasonalD = v } }, "seasonal differences (default: by test)"),
        ModelOption.Int<ArimaOptions>("period", o => o.Search.Period, (o, v) => o with { Search = o.Search with { Period = v } }, "seasonal period (default: detected from the ACF)"),
        ModelOption.Int<ArimaOptions>("max-period", o => o.Search.MaxPeriod, (o, v) => o with { Search = o.Search with { MaxPeriod = v } }, "longest period the detection considers"),
        ModelOption.Custom<ArimaOptions>("order", "p,d,q[,P,D,Q,s]", o => o.Order is { } r ? (r.IsSeasonal ? $"{r.P},{r.D},{r.Q},{r.SeasonalP},{r.SeasonalD},{r.SeasonalQ},{r.Period}" : $"{r.P},{r.D},{r.Q}") : null, (o, v) => o with { Order = ParseOrder(v) }, "a fixed order instead of the AIC search"),
        Method, Clip,
    ], o => o.Data, (o, d) => o with { Data = d });

    /// <summary>The AR(1) baseline has a fixed order: only the estimation, clipping and shared data options apply.</summary>
    private static readonly ModelOptionSet<ArimaOptions> Ar1Extras = WithData<ArimaOptions>([Method, Clip], o => o.Data, (o, d) => o with { Data = d });

    private static readonly ModelOptionSet<BlockBootstrapOptions> BootstrapExtras = WithData<BlockBootstrapOptions>(
    [
        ModelOption.Int<BlockBootstrapOptions>("block-length", o => o.BlockLength, (o, v) => o with { BlockLength = v }, "steps per resampled block (default: from the series' autocorrelation)"),
    ], o => o.Data, (o, d) => o with { Data = d });

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
            options = TimeGanExtras.Apply(options, settings.Extra, TimeGanSynthesizer.Name);
            return new TimeGanSynthesizer(options);
        },
        FittedTimeGan.Load)
    { Sequential = true, Options = TimeGanExtras.Describe(new TimeGanOptions()) };

    public static SynthesizerDescriptor Arima { get; } = new(
        ArimaSynthesizer.Name,
        "(S)ARIMA per feature by exact maximum likelihood from CSS starts (method=css|ml|css-ml), order by AIC over a small grid, seasonal period detected from the ACF; --rows = sequences.",
        settings => new ArimaSynthesizer(ArimaOptionsFrom(settings, ArimaSynthesizer.Name, new ArimaOptions())),
        FittedArima.Load)
    { Sequential = true, Options = ArimaExtras.Describe(new ArimaOptions()) };

    public static SynthesizerDescriptor Ar1 { get; } = new(
        ArimaSynthesizer.Ar1Name,
        "Baseline: an AR(1) per feature; --rows = sequences.",
        settings => new ArimaSynthesizer(ArimaOptionsFrom(settings, ArimaSynthesizer.Ar1Name, new ArimaOptions { Order = new ArimaOrder(1, 0, 0) }), ArimaSynthesizer.Ar1Name),
        FittedArima.Load)
    { Sequential = true, Options = Ar1Extras.Describe(new ArimaOptions { Order = new ArimaOrder(1, 0, 0) }) };

    public static SynthesizerDescriptor BlockBootstrap { get; } = new(
        BlockBootstrapSynthesizer.Name,
        "Baseline: moving-block bootstrap of the real series (keeps dependence within blocks, repeats real values); --rows = sequences.",
        settings =>
        {
            settings.RejectTraining(BlockBootstrapSynthesizer.Name, "it resamples blocks of the series");
            var options = BootstrapExtras.Apply(new BlockBootstrapOptions { Seed = settings.Seed }, settings.Extra, BlockBootstrapSynthesizer.Name);
            return new BlockBootstrapSynthesizer(options);
        },
        FittedBlockBootstrap.Load)
    { Sequential = true, Options = BootstrapExtras.Describe(new BlockBootstrapOptions()) };

    private static ArimaOptions ArimaOptionsFrom(SynthesizerSettings settings, string model, ArimaOptions start)
    {
        settings.RejectTraining(model, "it is fitted by likelihood, not trained by epochs");
        var extras = model == ArimaSynthesizer.Ar1Name ? Ar1Extras : ArimaExtras;
        return extras.Apply(start with { Seed = settings.Seed }, settings.Extra, model);
    }

    /// <summary>"p,d,q" or "p,d,q,P,D,Q,s".</summary>
    internal static ArimaOrder ParseOrder(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries).Select(p => ModelOption.ParseInt("order", p)).ToArray();
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
