namespace SynthCore.Synthesizers;

/// <summary>
/// A configured, not yet fitted synthesizer. Every model, statistical or neural, tabular or
/// sequential, has the same verbs: Fit here, then Sample / Save on what it returns, and a
/// static load through <see cref="Registry.SynthesizerRegistry.Load"/>.
/// </summary>
public interface ISynthesizer
{
    /// <summary>The registry name (<c>gan</c>, <c>ctgan</c>, <c>copula</c>, …).</summary>
    string ModelName { get; }

    /// <summary>Learns the table. Reports progress; stops with <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <exception cref="SynthException">The table cannot be modelled; the message names the column or option.</exception>
    IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>A fitted model: samples new rows and saves itself.</summary>
public interface IFittedSynthesizer
{
    /// <summary>The registry name of the model that produced it.</summary>
    string ModelName { get; }

    /// <summary>The schema of the table it was fitted on; samples have exactly these columns.</summary>
    TableMetadata Metadata { get; }

    /// <summary>The seed the model was configured with: what <see cref="Sample"/> uses when given none.</summary>
    int Seed { get; }

    /// <summary>Generates <paramref name="rows"/> new rows. The same seed gives the same rows.</summary>
    /// <param name="rows">How many rows, at least 1.</param>
    /// <param name="conditions">Optional per-column conditions every row must meet.</param>
    /// <param name="seed">The seed; null uses the seed the model was configured with.</param>
    DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null);

    /// <summary>Writes the model in the versioned model-file format (<see cref="Persistence.ModelFile"/>).</summary>
    void Save(Stream stream);
}
