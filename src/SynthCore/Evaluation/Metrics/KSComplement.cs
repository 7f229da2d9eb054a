namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// 1 − the two-sample Kolmogorov–Smirnov statistic, for numeric and date columns (SDMetrics' KSComplement).
/// Missing values are dropped from both columns; dates are compared as instants.
/// 1 means identical empirical distributions, 0 means no overlap at all.
/// </summary>
public sealed class KSComplement : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic) =>
        ColumnMetrics.OnNumbers(this, real, synthetic, (r, s) => MetricResult.Of(this, 1 - KolmogorovSmirnov.Statistic(r, s)));
}
