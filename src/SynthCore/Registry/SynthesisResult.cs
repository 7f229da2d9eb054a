using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Synthesizers;

namespace SynthCore.Registry;

/// <summary>
/// What a <see cref="SynthesisRun"/> made. <see cref="Samples"/> are the model's rows as compared (booleans as
/// booleans); <see cref="ColumnSpellings.Apply"/> spells them as the input did for export.
/// </summary>
/// <param name="Training">The real rows the model was fitted on (all of them without a holdout).</param>
/// <param name="Holdout">The real rows held out before the fit; null without a holdout.</param>
/// <param name="Balanced">With <see cref="SynthesisRunOptions.Balance"/>: the counts per class (its rows are <see cref="Samples"/>).</param>
/// <param name="Comparison">Samples against the training rows; null when not asked, for sequence models, or with no samples.</param>
/// <param name="Conditions">How the samples meet the conditions, against the training rows that do; null without conditions.</param>
/// <param name="Evaluation">The evaluation, when asked and there are samples.</param>
/// <param name="Sequences">A sequence model's sequences and their comparison (then <see cref="Samples"/> is their long table); null for a table model.</param>
public sealed record SynthesisResult(
    IFittedSynthesizer Model, TableMetadata Metadata, int Seed, DataFrame Training, DataFrame? Holdout, DataFrame Samples, BalanceResult? Balanced,
    TimeSpan FitTime, TimeSpan SampleTime, TimeSpan CompareTime, TableComparison? Comparison, ConditionReport? Conditions, TableEvaluation? Evaluation,
    SequenceRunResult? Sequences = null)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Samples.Rows.Count:N0} synthetic rows from a {Model.ModelName} model fitted on {Training.Rows.Count:N0} rows{(Holdout is null ? "" : $" ({Holdout.Rows.Count:N0} held out)")} (seed {Seed}; fit {FitTime.TotalSeconds:0.0} s, sample {SampleTime.TotalSeconds:0.00} s){(Evaluation is null ? "" : "; evaluated")}");
}
