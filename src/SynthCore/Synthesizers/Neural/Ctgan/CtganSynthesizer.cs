using SynthCore.Native;
using SynthCore.Torch;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN (Xu et al. 2019): mode-specific normalisation, conditional vector with
/// training-by-sampling, PacGAN critic with the WGAN-GP loss, residual generator.
/// </summary>
public sealed class CtganSynthesizer(CtganOptions? options = null) : OptionsSynthesizer<CtganOptions>(options), IDpSgdSynthesizer
{
    public const string Name = "ctgan";

    public override string ModelName => Name;

    public override IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FitCtgan(table, metadata, progress, cancellationToken);

    /// <summary>
    /// ε of every critic update at each σ on the table's rows, plus the category counts' release when the table has discrete
    /// columns (categories or missing values): what <see cref="FittedCtgan.PrivacyAccount"/> will say.
    /// </summary>
    public Func<double, double> EpsilonCurve(DataFrame table, TableMetadata metadata)
    {
        int rows = checked((int)table.Rows.Count);
        int discrete = ModeSpecificNormalizer.DiscreteColumns(TableTransform.Fit(table, metadata, CtganRepresentation.BaseTransform));
        return sigma => CtganDpSgd.Epsilon(rows, Options with { DpNoiseMultiplier = sigma }, discrete);
    }

    /// <summary><see cref="Fit"/>, typed.</summary>
    public FittedCtgan FitCtgan(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows; CTGAN needs data to learn from.");
        cancellationToken.ThrowIfCancellationRequested();
        TorchNativeLoader.EnsureLoaded();
        var clock = Stopwatch.StartNew();

        var (layout, data) = CtganRepresentation.Encode(table, metadata, Name, "The table has nothing CTGAN can model: every column is an identifier.",
            width => ParameterEstimate(width, Options), Options.MaxModes, Options.ModeWeightThreshold, Options.Seed);
        int rows = checked((int)table.Rows.Count);
        var transformTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("transform", 1, 1, new Dictionary<string, double>(), clock.Elapsed, null));

        var (counts, categoryOfRow) = CategoryCounts(layout, data, rows);
        // DP-SGD: only the noisily released counts are used (and stored); rows are never picked by category.
        bool dp = Options.DpNoiseMultiplier is not null;
        if (dp) counts = CtganDpSgd.ReleaseCounts(counts, Options);
        using var threads = TorchThreads.Use(Options.Threads);
        using var random = new RandomStreams(Options.Seed).Torch("training");
        var device = TorchDevices.Resolve(Options.Device);
        var sampler = new ConditionalVectorSampler(counts, dp ? null : categoryOfRow, random, device, Options.LogFrequency);
        var generator = CtganTrainer.Train(data, rows, layout, sampler, Options, random, progress, cancellationToken, clock,
            kept => new FittedCtgan(Options, layout, counts, kept, rows) { TransformFitTime = transformTime, TrainingTime = clock.Elapsed - transformTime });
        return new FittedCtgan(Options, layout, counts, generator, rows) { TransformFitTime = transformTime, TrainingTime = clock.Elapsed - transformTime };
    }

    /// <summary>For each categorical segment, the count of each category and each row's category.</summary>
    internal static (int[][] Counts, int[][] CategoryOfRow) CategoryCounts(ModeSpecificNormalizer layout, float[] data, int rows)
    {
        var segments = layout.Discrete.ToArray();
        var counts = new int[segments.Length][];
        var categoryOfRow = new int[segments.Length][];
        for (int c = 0; c < segments.Length; c++)
        {
            var s = segments[c];
            counts[c] = new int[s.Width];
            categoryOfRow[c] = new int[rows];
            for (int r = 0; r < rows; r++)
            {
                int k = 0;
                for (int j = 1; j < s.Width; j++) if (data[r * layout.Width + s.Start + j] > data[r * layout.Width + s.Start + k]) k = j;
                categoryOfRow[c][r] = k;
                counts[c][k]++;
            }
        }
        return (counts, categoryOfRow);
    }

    /// <summary>
    /// An estimate of the trained parameters for the min-max / one-hot width <paramref name="width"/>:
    /// the generator's input (noise plus conditional vector) and its output both grow with the width,
    /// and the critic sees <c>pac</c> rows of output and conditional vector. Mode columns are left out:
    /// what makes a table too large is a high-cardinality category, which this counts in full.
    /// </summary>
    internal static long ParameterEstimate(long width, CtganOptions options)
    {
        long generatorIn = options.EmbeddingDim + width;
        long generator = options.GeneratorDims.Aggregate((In: generatorIn, Sum: 0L), (a, d) => (a.In + d, a.Sum + a.In * d + d)).Sum
            + (generatorIn + options.GeneratorDims.Sum()) * width;
        long critic = options.DiscriminatorDims.Aggregate((In: 2 * width * options.Pac, Sum: 0L), (a, d) => (d, a.Sum + a.In * d + d)).Sum;
        return generator + critic;
    }
}
