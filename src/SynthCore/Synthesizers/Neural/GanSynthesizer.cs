using SynthCore.Resources;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The screen-time notebook's vanilla GAN, trained for real: numbers min-max scaled to sigmoid
/// outputs, categories one-hot encoded to Gumbel-softmax outputs, both networks updated every step.
/// </summary>
public sealed class GanSynthesizer(GanOptions? options = null) : OptionsSynthesizer<GanOptions>(options), IDpSgdSynthesizer
{
    /// <summary>The registry name of the BCE GAN.</summary>
    public const string Name = "gan";

    /// <summary>The registry name of the GAN with the WGAN-GP loss.</summary>
    public const string WassersteinName = "wgan-gp";

    /// <summary>The registry name of the conditional GAN.</summary>
    public const string ConditionalName = "cgan";

    public override string ModelName => Options.ModelName;

    /// <summary>ε of every discriminator update (and cgan's category counts) at each σ on the table's rows: what <see cref="FittedGan.PrivacyAccount"/> will say.</summary>
    public Func<double, double> EpsilonCurve(DataFrame table, TableMetadata metadata)
    {
        int rows = checked((int)table.Rows.Count);
        return sigma => GanDpSgd.Epsilon(rows, Options with { DpNoiseMultiplier = sigma });
    }

    public override IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows; the GAN needs data to learn from.");
        cancellationToken.ThrowIfCancellationRequested();

        var transform = TableTransform.Fit(table, metadata, new TableTransformOptions
        {
            Numeric = NumericScaling.MinMax,
            Categorical = CategoricalEncoding.OneHot,
            ClipToObservedRange = true,
        });
        if (transform.Width == 0)
            throw new SynthException("The table has nothing the GAN can model: every column is an identifier.");

        var conditionSpan = Options.Condition is { } column ? ConditionSpan(transform, column) : null;
        ResourceGuard.Current.EnsureTrainingFits(Name, table.Rows.Count, transform.ColumnWidths, ParameterCount(transform.Width, Options));
        float[] data = transform.Transform(table);
        int rows = checked((int)table.Rows.Count);
        var shares = conditionSpan is null ? null : CategoryShares(data, rows, transform.Width, conditionSpan);
        if (shares is not null && Options.DpNoiseMultiplier is not null) shares = ReleasedShares(shares, rows, Options);
        var generator = GanTrainer.Train(data, rows, transform.Spans, Options, conditionSpan, progress, cancellationToken,
            lastGood => new FittedGan(Options, transform, lastGood, rows, shares), shares);
        return new FittedGan(Options, transform, generator, rows, shares);
    }

    /// <summary>The one-hot span of the condition column.</summary>
    /// <exception cref="SynthColumnException">The column does not exist or is not categorical or boolean.</exception>
    internal static OutputSpan ConditionSpan(TableTransform transform, string column)
    {
        var kind = transform.Metadata[column].Kind;
        if (kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
            throw new SynthColumnException(column, $"cannot be the condition of the conditional GAN: it is {kind.ToString().ToLowerInvariant()}, not categorical or boolean.");
        return transform.Spans.Single(s => s.Column == column && s.Activation == OutputActivation.Softmax);
    }

    /// <summary>The share of rows in each category of the condition span: unconditional sampling draws conditions from it.</summary>
    private static float[] CategoryShares(float[] data, int rows, int width, OutputSpan span)
    {
        var shares = new float[span.Width];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < span.Width; k++)
                shares[k] += data[r * width + span.Start + k] / rows;
        return shares;
    }

    /// <summary>With DP-SGD: the shares from category counts released with Gaussian noise (<see cref="GanOptions.DpCountNoiseMultiplier"/>).</summary>
    private static float[] ReleasedShares(float[] shares, int rows, GanOptions options)
    {
        var noisy = GanDpSgd.ReleaseCounts(shares.Select(s => (int)Math.Round(s * rows)).ToArray(), options);
        double total = noisy.Sum();
        return noisy.Select(n => (float)(n / total)).ToArray();
    }

    /// <summary>Trained parameters of the generator (counted twice: it and its weight average) and the discriminator.</summary>
    internal static long ParameterCount(long width, GanOptions options)
    {
        long generator = (options.LatentDim * 128L + 128) + (128 * 256 + 256) + (256 * 512 + 512) + (512 * width + width) + 2 * (128 + 256 + 512);
        long discriminator = (width * options.Pac * 512 + 512) + (512 * 256 + 256) + (256 * 128 + 128) + (128 + 1);
        return 2 * generator + discriminator;
    }
}
