namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A statistical model fitted on <see cref="StatSchema"/>'s encoding of the table (numbers as doubles, categories as
/// codes, missing as NaN): the steps each such model takes before its own fit, once.
/// </summary>
public abstract class StatSchemaSynthesizer<TOptions>(TOptions options) : ISynthesizer where TOptions : IValidatedOptions
{
    public abstract string ModelName { get; }

    public TOptions Options { get; } = options;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Options.Validate();
        var (schema, data) = StatSchema.Fit(table, metadata);
        if (schema.Modelled.Length == 0) throw new SynthException("The table has no columns to model (only identifiers).");
        cancellationToken.ThrowIfCancellationRequested();
        return Fit(schema, data, (int)table.Rows.Count, progress, cancellationToken);
    }

    /// <param name="data">Each schema column's values, by column.</param>
    /// <param name="rows">The table's row count.</param>
    private protected abstract IFittedSynthesizer Fit(StatSchema schema, double[][] data, int rows, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The one progress report of a model fitted in a single step.</summary>
    protected static void ReportDone(IProgress<TrainingProgress>? progress) =>
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
}
