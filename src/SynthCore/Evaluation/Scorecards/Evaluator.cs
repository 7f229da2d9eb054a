using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Sequences;
using SynthCore.Evaluation.Utility;
using DetectionTest = SynthCore.Evaluation.Detection.Detection;

namespace SynthCore.Evaluation.Scorecards;

/// <summary>
/// The one entry point that judges synthetic data: a table (<see cref="Evaluate"/>) or sequences (<see cref="EvaluateSequences"/>).
/// Every command, notebook and report renders what it returns.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Runs both reports of <paramref name="synthetic"/> against <paramref name="real"/> on the columns of
    /// <paramref name="metadata"/>, detection, and the utility report when <paramref name="utility"/> is given. With a
    /// <paramref name="holdout"/> (real rows split off before fitting), <paramref name="real"/> is the training part:
    /// utility trains on it or on the synthetic rows and tests both on the holdout, and privacy is measured against it.
    /// </summary>
    public static TableEvaluation Evaluate(string realName, DataFrame real, string syntheticName, DataFrame synthetic, TableMetadata metadata,
        UtilityOptions? utility = null, CancellationToken cancellation = default, DetectionOptions? detection = null, DataFrame? holdout = null)
    {
        detection ??= new DetectionOptions { Seed = utility?.Seed ?? 42 };
        var quality = QualityReport.Generate(real, synthetic, metadata, cancellation: cancellation);
        cancellation.ThrowIfCancellationRequested();
        var diagnostic = DiagnosticReport.Generate(real, synthetic, metadata);
        var correlations = TableComparison.Compare(real, synthetic, metadata, cancellation).Correlation;
        cancellation.ThrowIfCancellationRequested();
        var pca = metadata.Columns.Any(c => c.Kind != ColumnKind.Identifier) && real.Rows.Count >= 3
            ? PcaEmbedding.Compute(real, synthetic, metadata, components: Math.Min(2, TableFeatures.Fit(real, metadata).Width))
            : null;
        cancellation.ThrowIfCancellationRequested();
        var utilityReport = utility is null ? null
            : holdout is null ? UtilityReport.Evaluate(real, synthetic, metadata, utility, cancellation)
            : UtilityReport.EvaluateOnHoldout(real, holdout, synthetic, metadata, utility, cancellation);
        var privacy = holdout is null || synthetic.Rows.Count < 2 ? null : PrivacyRisk.Evaluate(real, synthetic, holdout, metadata, cancellationToken: cancellation);
        var detectionReport = DetectionTest.HasRowsFor(real.Rows.Count, synthetic.Rows.Count, detection)
            ? DetectionTest.Run(real, synthetic, metadata, detection, cancellation)
            : null;
        return new TableEvaluation(realName, syntheticName, real, synthetic, metadata, quality, diagnostic, correlations, pca, utilityReport, detectionReport,
            privacy, holdout is null ? null : (int)holdout.Rows.Count);
    }

    /// <summary>
    /// Judges synthetic sequences against real ones, both [sequence][step][feature] in the same units: per-feature statistics and
    /// autocorrelation, DTW, diversity and the mean series correlation (<see cref="SequenceComparison"/>), then the TimeGAN
    /// paper's discriminative and predictive scores (<see cref="SequenceScores"/>) unless <paramref name="iterations"/> is 0.
    /// </summary>
    /// <param name="seed">Seeds the GRU scores.</param>
    /// <param name="iterations">GRU training iterations of the scores; 0 skips them, null: the paper's.</param>
    /// <param name="scoring">Told, before the scores are measured, whether they can be (at least 2 real and 2 synthetic sequences); not called with 0 iterations.</param>
    /// <param name="comparisonSeed">Seeds the comparison's own draws (DTW pairs, diversity).</param>
    public static SequenceComparison EvaluateSequences(double[][][] real, double[][][] synthetic, IReadOnlyList<string> features, int seed, int? iterations,
        Action<bool>? scoring = null, CancellationToken cancellation = default, int comparisonSeed = 42)
    {
        var comparison = SequenceComparison.Compare(real, synthetic, features, seed: comparisonSeed);
        cancellation.ThrowIfCancellationRequested();
        if (iterations == 0) return comparison;
        bool measurable = SequenceScores.CanMeasure(real, synthetic);
        scoring?.Invoke(measurable);
        if (!measurable) return comparison;
        var scores = SequenceScores.Measure(real, synthetic, iterations, seed, cancellation);
        cancellation.ThrowIfCancellationRequested();
        return comparison with { Scores = scores };
    }
}
