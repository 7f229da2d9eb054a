namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// One metric's score on one column, pair or table, with the metric's range and goal. When the metric
/// cannot be computed (no values, constant data), <see cref="Score"/> is NaN and <see cref="Error"/> says why;
/// reports then leave the score out of their averages, as SDMetrics does.
/// </summary>
/// <param name="Metric">The metric's name, as SDMetrics spells it (e.g. "KSComplement").</param>
/// <param name="Score">The score, or NaN when not applicable.</param>
/// <param name="Min">Lowest possible score.</param>
/// <param name="Max">Highest possible score (may be +∞ for distances).</param>
/// <param name="Goal">Whether higher or lower is better.</param>
/// <param name="Error">Why the score could not be computed; null when it was.</param>
public sealed record MetricResult(string Metric, double Score, double Min, double Max, MetricGoal Goal, string? Error = null)
{
    /// <summary>Whether the metric produced a number.</summary>
    public bool IsComputed => Error is null && !double.IsNaN(Score);

    /// <summary>A score for <paramref name="metric"/>.</summary>
    public static MetricResult Of(IMetric metric, double score) => new(metric.Name, score, metric.Min, metric.Max, metric.Goal);

    /// <summary>A "could not compute" result for <paramref name="metric"/>, with the reason.</summary>
    public static MetricResult NotApplicable(IMetric metric, string reason) =>
        new(metric.Name, double.NaN, metric.Min, metric.Max, metric.Goal, reason);
}
