using SynthCore.Native;
using SynthCore.Torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// The variational autoencoders: TVAE (Xu et al. 2019) and the toolkit's VAE, one
/// implementation with different defaults. Rows are represented as CTGAN represents them (mode-
/// specific normalisation, one-hot categories, missing indicators as two-way one-hots).
/// </summary>
public sealed class TvaeSynthesizer(TvaeOptions? options = null) : OptionsSynthesizer<TvaeOptions>(options), IDpSgdSynthesizer
{
    public const string Name = "tvae";
    public const string VaeName = "vae";

    public override string ModelName => Options.Model;

    public override IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FitTvae(table, metadata, progress, cancellationToken);

    /// <summary>ε of every epoch's DP-SGD steps at each σ on the table's rows: what <see cref="FittedTvae.PrivacyAccount"/> will say after a full training.</summary>
    public Func<double, double> EpsilonCurve(DataFrame table, TableMetadata metadata)
    {
        int rows = checked((int)table.Rows.Count);
        long steps = (long)Options.Epochs * TvaePrivacy.StepsPerEpoch(rows, Options.BatchSize);
        return sigma => TvaePrivacy.Account(Options with { DpNoiseMultiplier = sigma }, rows, steps).Epsilon;
    }

    /// <summary><see cref="Fit"/>, typed: the fitted model exposes the encoder and interpolation.</summary>
    public FittedTvae FitTvae(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        if (table.Rows.Count == 0) throw new SynthException($"The table has no rows; the {Options.Model.ToUpperInvariant()} needs data to learn from.");
        cancellationToken.ThrowIfCancellationRequested();
        TorchNativeLoader.EnsureLoaded();
        var clock = Stopwatch.StartNew();
        var (layout, data) = CtganRepresentation.Encode(table, metadata, Options.Model, "The table has nothing to model: every column is an identifier.", width =>
        {
            // The last good copy adds one float per parameter: a quarter of what training one needs (weight, gradient, two moments).
            long parameters = ParameterEstimate(width, Options);
            return parameters + parameters / 4;
        }, Options.MaxModes, Options.ModeWeightThreshold, Options.Seed);
        int rows = checked((int)table.Rows.Count);
        progress?.Report(new TrainingProgress("transform", 1, 1, new Dictionary<string, double>(), clock.Elapsed, null));

        var missingTargets = MissingValueSampling.Measure(layout, data, rows);

        using var threads = TorchThreads.Use(Options.Threads);
        using var random = new RandomStreams(Options.Seed).Torch("training");
        FittedTvae Wrap(TvaeEncoder encoder, TvaeDecoder decoder, long privateSteps) =>
            new(Options, layout, encoder, decoder, missingTargets, Options.DpNoiseMultiplier is null ? null : TvaePrivacy.Account(Options, rows, privateSteps));
        var trained = TvaeTrainer.Train(data, rows, layout, Options, random, progress, cancellationToken, clock, Wrap, CorruptEpoch);
        return Wrap(trained.Encoder, trained.Decoder, trained.PrivateSteps);
    }

    /// <summary>Test seam: the first loss of this training epoch is made NaN (0: never), so divergence handling can be tested deterministically.</summary>
    internal int CorruptEpoch { get; init; }

    /// <summary>Trained parameters of the encoder and decoder for an encoded width <paramref name="width"/> (the outer layers grow with it).</summary>
    internal static long ParameterEstimate(long width, TvaeOptions options)
    {
        long encoder = options.HiddenLayers.Aggregate((In: width, Sum: 0L), (a, d) => (d, a.Sum + a.In * d + d)).Sum
            + 2L * (options.HiddenLayers[^1] * options.EncodingDim + options.EncodingDim);
        long decoder = options.HiddenLayers.Reverse().Aggregate((In: (long)options.EncodingDim, Sum: 0L), (a, d) => (d, a.Sum + a.In * d + d)).Sum
            + options.HiddenLayers[0] * width + 2 * width;
        return encoder + decoder;
    }
}
