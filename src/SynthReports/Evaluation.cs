using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Utility;

namespace SynthReports;

/// <summary>
/// What <c>synth evaluate</c> shows: the quality report (SDMetrics-compatible scores and the toolkit's
/// extras), the diagnostic report, detection (can a classifier tell synthetic rows from real ones, and by which
/// columns), the correlation matrices, the real table's principal components with both tables on them, and, when a
/// target column is given, the machine-learning utility; with the tables they were computed on (the charts need the values).
/// </summary>
/// <param name="Pca">Null when the tables have no column to embed or too few rows.</param>
/// <param name="Utility">Null unless a target column was given.</param>
/// <param name="Detection">Null when a table has too few rows for its folds (two per fold).</param>
/// <param name="Privacy">With a holdout (real rows the synthesizer never saw): distances, DCR share, copies and the membership attack.</param>
/// <param name="HoldoutRows">The holdout's rows, or null: then utility is tested on a split of the real table.</param>
public sealed record Evaluation(
    string RealName,
    string SyntheticName,
    DataFrame Real,
    DataFrame Synthetic,
    TableMetadata Metadata,
    QualityReport Quality,
    DiagnosticReport Diagnostic,
    CorrelationComparison Correlations,
    PcaEmbedding? Pca,
    UtilityReport? Utility,
    DetectionReport? Detection,
    PrivacyReport? Privacy = null,
    int? HoldoutRows = null)
{
    /// <summary>How many of the worst columns and pairs are listed.</summary>
    public const int WorstShown = 5;

    public int RealRows => (int)Real.Rows.Count;
    public int SyntheticRows => (int)Synthetic.Rows.Count;

    /// <summary>The lowest-scoring columns of Column Shapes (NaN scores left out), worst first.</summary>
    public IReadOnlyList<ColumnScore> WorstColumns =>
        Quality.ColumnShapes.Where(c => !double.IsNaN(c.Score)).OrderBy(c => c.Score).Take(WorstShown).ToArray();

    /// <summary>The lowest-scoring pairs of Column Pair Trends (NaN scores left out), worst first.</summary>
    public IReadOnlyList<ColumnPairScore> WorstPairs =>
        Quality.ColumnPairTrends.Where(c => !double.IsNaN(c.Score)).OrderBy(c => c.Score).Take(WorstShown).ToArray();

    /// <summary>
    /// Runs both reports of <paramref name="synthetic"/> against <paramref name="real"/> on the columns of
    /// <paramref name="metadata"/>, detection, and the utility report when <paramref name="utility"/> is given. With a
    /// <paramref name="holdout"/> (real rows split off before fitting), <paramref name="real"/> is the training part:
    /// utility trains on it or on the synthetic rows and tests both on the holdout, and privacy is measured against it.
    /// </summary>
    public static Evaluation Run(string realName, DataFrame real, string syntheticName, DataFrame synthetic, TableMetadata metadata,
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
        var detectionReport = SynthCore.Evaluation.Detection.Detection.HasRowsFor(real.Rows.Count, synthetic.Rows.Count, detection)
            ? SynthCore.Evaluation.Detection.Detection.Run(real, synthetic, metadata, detection, cancellation)
            : null;
        return new Evaluation(realName, syntheticName, real, synthetic, metadata, quality, diagnostic, correlations, pca, utilityReport, detectionReport,
            privacy, holdout is null ? null : (int)holdout.Rows.Count);
    }
}
