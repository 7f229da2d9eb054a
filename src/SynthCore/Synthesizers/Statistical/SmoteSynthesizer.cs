namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// SMOTE-style interpolation (Chawla et al. 2002, with SMOTE-NC's handling of categories): each
/// sampled row lies on the segment between a real row and one of its k nearest neighbours; see
/// <see cref="FittedSmote"/>. Fitting only learns the column layout and checks there are enough rows.
/// </summary>
public sealed class SmoteSynthesizer(SmoteOptions options) : StatSchemaSynthesizer<SmoteOptions>(options)
{
    public const string Name = "smote";

    public override string ModelName => Name;

    private protected override IFittedSynthesizer Fit(StatSchema schema, double[][] data, int rows, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var fitted = new FittedSmote(schema, Options, data);
        ReportDone(progress);
        return fitted;
    }
}
