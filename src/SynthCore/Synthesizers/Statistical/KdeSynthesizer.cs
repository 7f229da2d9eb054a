namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Kernel density estimation: categories (and which numbers are missing) drawn jointly from the
/// rows, numbers from Gaussian kernels around the rows of that combination; see <see cref="FittedKde"/>.
/// </summary>
public sealed class KdeSynthesizer(KdeOptions options) : StatSchemaSynthesizer<KdeOptions>(options)
{
    public const string Name = "kde";

    public override string ModelName => Name;

    private protected override IFittedSynthesizer Fit(StatSchema schema, double[][] data, int rows, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var fitted = FittedKde.Create(schema, Options, data);
        ReportDone(progress);
        return fitted;
    }
}
