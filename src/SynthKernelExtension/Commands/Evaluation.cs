using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Reports;

namespace SynthKernelExtension.Commands;

/// <summary>
/// What <c>synth evaluate</c> shows: the quality report (SDMetrics-compatible scores and the toolkit's
/// extras), the diagnostic report and the correlation matrices, with the tables they were computed on
/// (the charts need the values).
/// </summary>
public sealed record Evaluation(
    string RealName,
    string SyntheticName,
    DataFrame Real,
    DataFrame Synthetic,
    TableMetadata Metadata,
    QualityReport Quality,
    DiagnosticReport Diagnostic,
    CorrelationComparison Correlations)
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

    /// <summary>Runs both reports of <paramref name="synthetic"/> against <paramref name="real"/> on the columns of <paramref name="metadata"/>.</summary>
    public static Evaluation Run(string realName, DataFrame real, string syntheticName, DataFrame synthetic, TableMetadata metadata) => new(
        realName, syntheticName, real, synthetic, metadata,
        QualityReport.Generate(real, synthetic, metadata),
        DiagnosticReport.Generate(real, synthetic, metadata),
        TableComparison.Compare(real, synthetic, metadata).Correlation);
}
