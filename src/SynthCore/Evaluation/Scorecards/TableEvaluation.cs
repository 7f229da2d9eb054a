using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Utility;

namespace SynthCore.Evaluation.Scorecards;

/// <summary>
/// One synthetic table judged against the real one, as <c>synth evaluate</c>, <c>synth run</c>, the notebook and the HTML report show it: the quality report (SDMetrics-compatible scores and the toolkit's
/// extras), the diagnostic report, detection (can a classifier tell synthetic rows from real ones, and by which
/// columns), the correlation matrices, the real table's principal components with both tables on them, and, when a
/// target column is given, the machine-learning utility; with the tables they were computed on (the charts need the values).
/// </summary>
/// <param name="Pca">Null when the tables have no column to embed or too few rows.</param>
/// <param name="Utility">Null unless a target column was given.</param>
/// <param name="Detection">Null when a table has too few rows for its folds (two per fold).</param>
/// <param name="Privacy">With a holdout (real rows the synthesizer never saw): distances, DCR share, copies and the membership attack.</param>
/// <param name="HoldoutRows">The holdout's rows, or null: then utility is tested on a split of the real table.</param>
public sealed record TableEvaluation(
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
}
