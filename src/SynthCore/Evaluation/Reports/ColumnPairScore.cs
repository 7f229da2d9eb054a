namespace SynthCore.Evaluation.Reports;

/// <summary>
/// One row of the Column Pair Trends details table. The correlations are filled for CorrelationSimilarity
/// rows that were computed, and null otherwise.
/// </summary>
/// <param name="Error">Why the score is NaN; null when it was computed.</param>
public sealed record ColumnPairScore(
    string Column1, string Column2, string Metric, double Score,
    double? RealCorrelation = null, double? SyntheticCorrelation = null, string? Error = null);
