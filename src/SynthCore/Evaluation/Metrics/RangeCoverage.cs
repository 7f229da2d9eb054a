using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// How much of the real column's [min, max] the synthetic values span (SDMetrics' RangeCoverage), for
/// numeric and date columns: 1 − (the share of the real range missed below + the share missed above),
/// floored at 0. Missing values are ignored. Not applicable when the real column is constant.
/// </summary>
public sealed class RangeCoverage : IColumnMetric
{
    public string Name => "RangeCoverage";
    public double Min => 0;
    public double Max => 1;
    public MetricGoal Goal => MetricGoal.Maximize;

    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var r = ColumnValues.Numbers(real);
        var s = ColumnValues.Numbers(synthetic);
        if (r.Length == 0 || s.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no values in the {(r.Length == 0 ? "real" : "synthetic")} data.");
        double minR = r.Min(), maxR = r.Max(), minS = s.Min(), maxS = s.Max();
        if (minR == maxR)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' is constant in the real data, so it has no range to cover.");
        var missedBelow = Math.Max((minS - minR) / (maxR - minR), 0);
        var missedAbove = Math.Max((maxR - maxS) / (maxR - minR), 0);
        return MetricResult.Of(this, Math.Max(1 - (missedBelow + missedAbove), 0));
    }
}
