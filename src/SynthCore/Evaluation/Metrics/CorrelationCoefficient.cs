namespace SynthCore.Evaluation.Metrics;

/// <summary>Which correlation <see cref="CorrelationSimilarity"/> compares.</summary>
public enum CorrelationCoefficient
{
    /// <summary>Linear correlation (SDMetrics' default).</summary>
    Pearson,
    /// <summary>Rank correlation (average ranks for ties).</summary>
    Spearman,
}
