using SynthCore.Data.Sequences;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Conditions;
using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Scorecards;
using SynthCore.Evaluation.Sequences;
using SynthCore.Evaluation.Utility;
using SynthCore.Resources;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;

namespace SynthCore.Registry;

/// <summary>
/// The fit → sample → compare → evaluate sequence for one table, as <c>synth run</c>, <see cref="Synth.Generate"/> and a
/// notebook use it: an optional seeded holdout, the fit (with progress and cancellation), N rows (under conditions, or
/// balancing a class column), the comparison with the training rows and, when asked, the evaluation with utility and
/// privacy on the holdout. Writing files and rendering stay with the caller, through <see cref="ISynthesisRunSteps"/>.
/// Every random draw follows from the settings' seed, so the same seed gives the same result.
/// </summary>
/// <remarks>
/// A sequence model's rows are whole sequences: its samples are their long table (sequence_id, step, features), compared
/// per feature, by autocorrelation and the GRU scores (<see cref="SynthesisResult.Sequences"/>); a holdout, conditions,
/// balancing and the table evaluation do not apply to it.
/// </remarks>
public sealed class SynthesisRun(string model, SynthesizerSettings settings, SynthesisRunOptions? options = null, SynthesizerRegistry? registry = null)
{
    private readonly SynthesizerRegistry registry = registry ?? SynthesizerRegistry.Default;

    public SynthesisRunOptions Options { get; } = options ?? new SynthesisRunOptions();

    /// <param name="metadata">The table's columns; null: detected from the table.</param>
    /// <exception cref="SynthOptionException">Unknown model, a bad setting, or options that do not go together; names the option.</exception>
    public SynthesisResult Execute(DataFrame table, TableMetadata? metadata = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default, ISynthesisRunSteps? steps = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        steps ??= new NoSteps();
        metadata ??= TableMetadata.Detect(table);
        var descriptor = registry.Get(model);
        CheckOptions(descriptor, metadata);

        var training = table;
        DataFrame? holdout = null;
        if (Options.HoldoutFraction is double share)
        {
            (training, holdout) = HoldoutSplit.Split(table, share, settings.Seed, Options.HoldoutOption);
            steps.HeldOut(training, holdout);
        }
        // Before the fit: a category the table lacks, or a range outside its values, fails now rather than after a long fit.
        if (Options.Conditions is not null)
        {
            try { ConditionResolver.Resolve(Options.Conditions, metadata, ConditionDomain.FromTable(training, metadata)); }
            catch (SynthColumnException e) { throw new SynthOptionException(Options.ConditionsOption, e.Message); }
        }
        int rows = Options.Rows ?? (int)training.Rows.Count;

        var synthesizer = registry.Create(model, settings);
        steps.Fitting(descriptor, training, rows);
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var fitted = synthesizer.Fit(training, metadata, progress, cancellation);
        var fitTime = clock.Elapsed;
        cancellation.ThrowIfCancellationRequested();
        steps.Fitted(fitted, fitTime);
        if (fitted is IFittedSequenceSynthesizer sequential) return RunSequences(sequential, metadata, training, fitTime, cancellation, steps);

        clock.Restart();
        var balanced = Options.Balance is null ? null : Balancer.Balance(fitted, training, Options.Balance, Options.BalanceRatio, settings.Seed);
        var samples = balanced?.Synthetic ?? Sample(fitted, rows);
        var sampleTime = clock.Elapsed;
        cancellation.ThrowIfCancellationRequested();
        steps.Sampled(fitted, samples, balanced);

        clock.Restart();
        // Balancing an already balanced column generates nothing, and there is nothing to compare.
        var comparison = Options.Compare && !descriptor.Sequential && samples.Rows.Count > 0
            ? TableComparison.Compare(training, samples, metadata, cancellation)
            : null;
        var compareTime = clock.Elapsed;
        // Against the real rows that meet the same conditions (the comparison above is against all of them).
        var conditionReport = Options.Conditions is null ? null : ConditionReport.Measure(samples, Options.Conditions, metadata, training);
        steps.Compared(comparison, conditionReport);
        cancellation.ThrowIfCancellationRequested();

        string syntheticName = steps.Exporting(samples);
        TableEvaluation? evaluation = null;
        if (Options.Evaluate && samples.Rows.Count > 0)
        {
            // Against the rows the model was fitted on, with utility and privacy measured on the held-out ones.
            evaluation = Evaluator.Evaluate(Options.RealName, training, syntheticName, samples, metadata,
                Options.Target is null ? null : new UtilityOptions(Options.Target) { Seed = settings.Seed }, cancellation,
                new DetectionOptions { Seed = settings.Seed }, holdout);
            steps.Evaluated(evaluation);
        }
        return new SynthesisResult(fitted, metadata, settings.Seed, training, holdout, samples, balanced, fitTime, sampleTime, compareTime,
            comparison, conditionReport, evaluation);
    }

    /// <summary>
    /// A sequence model: rows are sequences (by default as many as the training windows), the samples their long table
    /// (sequence_id, step, features), and the comparison is per feature, autocorrelation and the GRU scores.
    /// </summary>
    private SynthesisResult RunSequences(IFittedSequenceSynthesizer fitted, TableMetadata metadata, DataFrame training, TimeSpan fitTime,
        CancellationToken cancellation, ISynthesisRunSteps steps)
    {
        var real = SequenceData.FromTable(training, metadata, fitted.DataOptions);
        int count = Options.Rows ?? real.WindowCount;
        // The fit told us how long a sequence is: the long table has a row per step, which the check before the fit could not count.
        ResourceGuard.Current.EnsureSequencesFitMemory(Options.RowsOption, count, real.Options.SequenceLength, real.FeatureNames.Count + 2);

        var clock = Stopwatch.StartNew();
        // TimeGAN with static columns: each sequence's static values too, written beside the features on every step.
        var (sequences, statics) = fitted is FittedTimeGan { Static: not null } timeGan
            ? timeGan.SampleWithStatic(count, Options.SampleSeed)
            : (fitted.SampleSequences(count, Options.SampleSeed), null);
        var samples = SequenceTable.ToLong(sequences, fitted.FeatureNames, real.Static, statics);
        var sampleTime = clock.Elapsed;
        cancellation.ThrowIfCancellationRequested();
        steps.Sampled(fitted, samples, null);

        clock.Restart();
        SequenceComparison? comparison = null;
        if (Options.Compare)
        {
            var windows = real.RawWindows();
            comparison = Evaluator.EvaluateSequences(windows, sequences, fitted.FeatureNames, settings.Seed, Options.ScoreIterations,
                measurable => steps.ScoringSequences(windows.Length, sequences.Length, Options.ScoreIterations, measurable), cancellation);
            if (real.Static is not null && statics is not null)
                comparison = comparison with { Static = StaticComparison.Compare(real.Static, windows, real.WindowStaticValues()!, sequences, statics) };
        }
        var compareTime = clock.Elapsed;
        if (comparison is not null) steps.ComparedSequences(comparison);
        cancellation.ThrowIfCancellationRequested();

        steps.Exporting(samples);
        return new SynthesisResult(fitted, metadata, settings.Seed, training, null, samples, null, fitTime, sampleTime, compareTime, null, null, null,
            new SequenceRunResult(real, sequences, fitted.FeatureNames, comparison));
    }

    private DataFrame Sample(IFittedSynthesizer fitted, int rows)
    {
        try
        {
            return fitted.Sample(rows, Options.Conditions, Options.SampleSeed);
        }
        catch (SynthColumnException e) when (Options.Conditions is not null)
        {
            throw new SynthOptionException(Options.ConditionsOption, e.Message);
        }
    }

    /// <summary>Options that cannot go together, refused before anything is split or fitted.</summary>
    private void CheckOptions(SynthesizerDescriptor descriptor, TableMetadata metadata)
    {
        if (Options.Rows is int r && r < 1) throw new SynthOptionException("rows", $"must be at least 1, got {r}.");
        if (Options.Balance is not null && Options.Rows is not null)
            throw new SynthOptionException("balance", "decides how many rows each class gets; do not give rows with it.");
        if (Options.Balance is not null && Options.Conditions is not null)
            throw new SynthOptionException(Options.ConditionsOption, "does not go with balance, which sets the conditions itself (one class at a time).");
        if (Options.Target is not null && !Options.Evaluate)
            throw new SynthOptionException("target", "measures utility in the evaluation; ask for the evaluation too.");
        if (Options.Target is not null && !metadata.Contains(Options.Target))
            throw new SynthOptionException("target", $"unknown column '{Options.Target}' (the table has: {string.Join(", ", metadata.Columns.Select(c => c.Name))}).");
        if (descriptor.Sequential && (Options.HoldoutFraction is not null || Options.Conditions is not null || Options.Balance is not null || Options.Evaluate))
            throw new SynthOptionException("model", $"'{descriptor.Name}' is a sequence model: it generates whole sequences, so a holdout, conditions, balancing and the table evaluation do not apply.");
    }

    private sealed class NoSteps : ISynthesisRunSteps;
}
