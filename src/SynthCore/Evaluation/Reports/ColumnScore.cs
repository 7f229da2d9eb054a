namespace SynthCore.Evaluation.Reports;

/// <summary>One row of a per-column details table: which metric scored the column, and how.</summary>
/// <param name="Error">Why the score is NaN; null when it was computed.</param>
public sealed record ColumnScore(string Column, string Metric, double Score, string? Error = null);
