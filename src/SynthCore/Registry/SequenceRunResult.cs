using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;

namespace SynthCore.Registry;

/// <summary>What a <see cref="SynthesisRun"/> of a sequence model made besides its long table.</summary>
/// <param name="Real">The training table read as series, as the model read it (its windows are what the sequences are compared with).</param>
/// <param name="Synthetic">The sampled sequences: [sequence][step][feature], in the data's units.</param>
/// <param name="Features">The model's feature columns, in the order of the last index of <paramref name="Synthetic"/>.</param>
/// <param name="Comparison">Per feature, autocorrelation and (unless skipped) the GRU scores; null when the comparison was not asked.</param>
public sealed record SequenceRunResult(SequenceData Real, double[][][] Synthetic, IReadOnlyList<string> Features, SequenceComparison? Comparison);
