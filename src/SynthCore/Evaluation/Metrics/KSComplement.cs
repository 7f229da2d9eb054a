using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// 1 − the two-sample Kolmogorov–Smirnov statistic, for numeric and date columns (SDMetrics' KSComplement).
/// Missing values are dropped from both columns; dates are compared as instants.
/// 1 means identical empirical distributions, 0 means no overlap at all.
/// </summary>
public sealed class KSComplement : IColumnMetric
{
    public string Name => "KSComplement";
    public double Min => 0;
    public double Max => 1;
    public MetricGoal Goal => MetricGoal.Maximize;

    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var r = ColumnValues.Numbers(real);
        var s = ColumnValues.Numbers(synthetic);
        if (r.Length == 0 || s.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no values in the {(r.Length == 0 ? "real" : "synthetic")} data.");
        return MetricResult.Of(this, 1 - KolmogorovSmirnov.Statistic(r, s));
    }
}
