using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Training;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Kernel density estimation: categories (and which numbers are missing) drawn jointly from the
/// rows, numbers from Gaussian kernels around the rows of that combination; see <see cref="FittedKde"/>.
/// </summary>
public sealed class KdeSynthesizer(KdeOptions options) : ISynthesizer
{
    public const string Name = "kde";

    public string ModelName => Name;

    public KdeOptions Options { get; } = options;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Options.Validate();
        var (schema, data) = StatSchema.Fit(table, metadata);
        if (schema.Modelled.Length == 0) throw new SynthException("The table has no columns to model (only identifiers).");
        cancellationToken.ThrowIfCancellationRequested();
        var fitted = FittedKde.Create(schema, Options, data);
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
        return fitted;
    }
}
