using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Training;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// SMOTE-style interpolation (Chawla et al. 2002, with SMOTE-NC's handling of categories): each
/// sampled row lies on the segment between a real row and one of its k nearest neighbours; see
/// <see cref="FittedSmote"/>. Fitting only learns the column layout and checks there are enough rows.
/// </summary>
public sealed class SmoteSynthesizer(SmoteOptions options) : ISynthesizer
{
    public const string Name = "smote";

    public string ModelName => Name;

    public SmoteOptions Options { get; } = options;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Options.Validate();
        var (schema, data) = StatSchema.Fit(table, metadata);
        if (schema.Modelled.Length == 0) throw new SynthException("The table has no columns to model (only identifiers).");
        var fitted = new FittedSmote(schema, Options, data);
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
        return fitted;
    }
}
