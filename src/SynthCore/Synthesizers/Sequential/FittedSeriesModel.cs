using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// A fitted sequence model that draws its sequences from a seeded <see cref="Random"/> (ARIMA, the block
/// bootstrap): its options, features and long-table metadata, the checks on a sample request, and the
/// <c>sample</c> stream. Each model says how it draws a sequence and what its model file holds.
/// </summary>
public abstract class FittedSeriesModel<TOptions>(TOptions options, string[] featureNames, int windows) : IFittedSequenceSynthesizer
    where TOptions : ISequenceModelOptions
{
    public abstract string ModelName { get; }

    public TOptions Options { get; } = options;
    public int Seed => Options.Seed;

    public IReadOnlyList<string> FeatureNames { get; } = featureNames;
    public SequenceDataOptions DataOptions => Options.Data;
    public int SequenceLength => Options.Data.SequenceLength;

    public TableMetadata Metadata { get; } = SequenceTable.Metadata(featureNames, windows, options.Data.SequenceLength);

    public double[][][] SampleSequences(int count, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(count, null, ModelName);
        return SampleSequences(count, new RandomStreams(seed ?? Options.Seed).Stream("sample"));
    }

    /// <summary><paramref name="count"/> sequences ([sequence][step][feature]) drawn from <paramref name="random"/>.</summary>
    private protected abstract double[][][] SampleSequences(int count, Random random);

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(rows, conditions, ModelName, Metadata);
        return SequenceTable.ToLong(SampleSequences(rows, seed), FeatureNames);
    }

    public abstract void Save(Stream stream);
}
