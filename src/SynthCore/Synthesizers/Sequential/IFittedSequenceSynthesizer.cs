using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// A fitted sequence model. <see cref="IFittedSynthesizer.Sample"/> takes the number of
/// sequences and returns them as a long table (<c>sequence_id</c>, <c>step</c>, features);
/// <see cref="SampleSequences"/> returns the same values as arrays.
/// </summary>
public interface IFittedSequenceSynthesizer : IFittedSynthesizer
{
    /// <summary>The feature columns, in order.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>How the training table was read as series (time, id and feature columns, window); reads a real table the same way for comparison.</summary>
    SequenceDataOptions DataOptions { get; }

    /// <summary>Steps per generated sequence.</summary>
    int SequenceLength { get; }

    /// <summary><paramref name="count"/> sequences in the data's units: [sequence][step][feature]. The same seed gives the same sequences.</summary>
    double[][][] SampleSequences(int count, int? seed = null);
}
