using System.Diagnostics;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Evaluation.Sequences;
using SynthCore.Export;
using SynthCore.Registry;

namespace SynthCommands;

/// <summary>
/// What <c>synth run</c> says and writes between the steps of a <see cref="SynthesisRun"/>: the holdout line, the checks
/// before the fit, the fit's notes, the comparison (and the note before a sequence model's GRU scores), the export (the one file it writes before the evaluation), the evaluation.
/// </summary>
internal sealed class RunSteps(CommandContext context, RunPlan plan, SynthesizerSettings settings, TableMetadata metadata, int inputRows) : ISynthesisRunSteps
{
    public TrainingTimeline Timeline { get; } = new(context.Host);

    public FitOutcome? Fit { get; private set; }

    public ExportResult? Export { get; private set; }

    public double ExportSeconds { get; private set; }

    public void HeldOut(DataFrame training, DataFrame holdout) =>
        context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {inputRows:N0} rows (seed {settings.Seed}{(plan.DefaultHoldout ? $"; --holdout-fraction {RunCommand.DefaultHoldoutFraction} by default with --target" : "")}); the model is fitted on the other {training.Rows.Count:N0}.");

    /// <summary>The rows the model is fitted on (the table less any holdout), known from the step before the fit.</summary>
    public DataFrame? TrainingRows { get; private set; }

    public void Fitting(SynthesizerDescriptor descriptor, DataFrame training, int rows)
    {
        TrainingRows = training;
        RunCommand.EnsureFits(rows, plan.Augment, plan.Balance is null ? "--rows" : "--balance", training, plan.OutDir);
        TableInput.EnsureModellable(metadata);
        FitStep.EnsureFits(context, descriptor, settings, training);
    }

    public void Fitted(IFittedSynthesizer model, TimeSpan time) => Fit = FitStep.Outcome(context, model, time, Timeline, TrainingRows!);

    public void Sampled(IFittedSynthesizer model, DataFrame samples, BalanceResult? balanced)
    {
        if (balanced is not null) context.Host.WriteLine(Messages.Balanced(plan.Balance!, balanced));
        FitStep.WriteInterpolation(context, model);
    }

    public void Compared(TableComparison? comparison, ConditionReport? conditions)
    {
        if (comparison is not null) context.Host.Show(comparison);
        if (conditions is not null) context.Host.WriteLine(ConditionRendering.Text(conditions, plan.Clauses));
    }

    public void ScoringSequences(int realSequences, int syntheticSequences, int? iterations, bool measurable) =>
        SequenceScoring.Note(context.Host, realSequences, syntheticSequences, iterations, measurable);

    public void ComparedSequences(SequenceComparison comparison) => context.Host.Show(comparison);

    public string Exporting(DataFrame samples)
    {
        var clock = Stopwatch.StartNew();
        var output = ColumnSpellings.Apply(plan.Augment ? AugmentedTable.Create(TrainingRows!, samples) : samples, metadata);
        Export = RunCommand.Export(context, plan, output);
        ExportSeconds = clock.Elapsed.TotalSeconds;
        return Path.GetFileName(Export.Path);
    }

    public void Evaluated(TableEvaluation evaluation) => context.Host.Show(evaluation);
}
