using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Evaluation.Sequences;
using SynthCore.Synthesizers;

namespace SynthCore.Registry;

/// <summary>
/// Called by a <see cref="SynthesisRun"/> between its steps, so a caller can report each as it happens, refuse to go on
/// (throw), or write the samples out before they are evaluated. Every method does nothing unless implemented.
/// </summary>
public interface ISynthesisRunSteps
{
    /// <summary>The holdout was split off; <paramref name="training"/> is what the model will see.</summary>
    void HeldOut(DataFrame training, DataFrame holdout) { }

    /// <summary>Before the fit (the model is created and its settings checked): a last chance to refuse a table too large.</summary>
    /// <param name="rows">The rows the run will sample (sequence models: the sequences asked for, else the table's rows, as the windows are not known yet).</param>
    void Fitting(SynthesizerDescriptor descriptor, DataFrame training, int rows) { }

    void Fitted(IFittedSynthesizer model, TimeSpan time) { }

    void Sampled(IFittedSynthesizer model, DataFrame samples, BalanceResult? balanced) { }

    void Compared(TableComparison? comparison, ConditionReport? conditions) { }

    /// <summary>Sequence models, before the GRU scores: whether they can be measured (at least 2 real and 2 synthetic sequences).</summary>
    void ScoringSequences(int realSequences, int syntheticSequences, int? iterations, bool measurable) { }

    /// <summary>Sequence models, instead of <see cref="Compared"/>.</summary>
    void ComparedSequences(SequenceComparison comparison) { }

    /// <summary>After the comparison, before the evaluation: write the samples out if wanted.</summary>
    /// <returns>The name the evaluation gives the synthetic table (e.g. the file written).</returns>
    string Exporting(DataFrame samples) => "synthetic";

    void Evaluated(TableEvaluation evaluation) { }
}
