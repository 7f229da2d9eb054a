using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>What every sequence model's options say: how the table is read as series, and the seed.</summary>
public interface ISequenceModelOptions
{
    SequenceDataOptions Data { get; }

    int Seed { get; }
}
