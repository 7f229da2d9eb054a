using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>Choices for <see cref="QualityReport"/>; the defaults reproduce SDMetrics' numbers.</summary>
public sealed record QualityReportOptions
{
    /// <summary>The correlation compared for numeric pairs (SDMetrics: Pearson).</summary>
    public CorrelationCoefficient Correlation { get; init; } = CorrelationCoefficient.Pearson;

    /// <summary>
    /// For numeric/categorical pairs, bin the synthetic column with the real column's bin edges instead of
    /// its own. SDMetrics (0.12 to today) bins each table on its own range, which is the default here; binning
    /// both on the real range also penalises synthetic values that stray outside it.
    /// </summary>
    public bool BinSyntheticOnRealRange { get; init; }
}
