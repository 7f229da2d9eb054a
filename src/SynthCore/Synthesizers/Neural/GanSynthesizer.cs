using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Training;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The screen-time notebook's vanilla GAN, trained for real: numbers min-max scaled to sigmoid
/// outputs, categories one-hot encoded to Gumbel-softmax outputs, both networks updated every step.
/// </summary>
public sealed class GanSynthesizer : ISynthesizer
{
    /// <summary>The registry name.</summary>
    public const string Name = "gan";

    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="SynthOptionException">An option is out of range or names an unavailable device.</exception>
    public GanSynthesizer(GanOptions? options = null)
    {
        Options = options ?? new GanOptions();
        Options.Validate();
    }

    public GanOptions Options { get; }

    public string ModelName => Name;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
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

        TrainingMemory.EnsureFits(Name, table.Rows.Count, transform, ParameterCount(transform.Width, Options));
        float[] data = transform.Transform(table);
        var generator = GanTrainer.Train(data, checked((int)table.Rows.Count), transform.Spans, Options, progress, cancellationToken,
            lastGood => new FittedGan(Options, transform, lastGood));
        return new FittedGan(Options, transform, generator);
    }

    /// <summary>Trained parameters of the generator (counted twice: it and its weight average) and the discriminator.</summary>
    internal static long ParameterCount(long width, GanOptions options)
    {
        long generator = (options.LatentDim * 128L + 128) + (128 * 256 + 256) + (256 * 512 + 512) + (512 * width + width) + 2 * (128 + 256 + 512);
        long discriminator = (width * options.Pac * 512 + 512) + (512 * 256 + 256) + (256 * 128 + 128) + (128 + 1);
        return 2 * generator + discriminator;
    }
}
