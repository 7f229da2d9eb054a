namespace SynthCore.Evaluation.Reports;

/// <summary>One row of a whole-table details table (Data Structure).</summary>
/// <param name="Error">Why the score is NaN; null when it was computed.</param>
public sealed record TableScore(string Metric, double Score, string? Error = null);
