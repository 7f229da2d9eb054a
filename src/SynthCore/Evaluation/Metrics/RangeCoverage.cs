namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// How much of the real column's [min, max] the synthetic values span (SDMetrics' RangeCoverage), for
/// numeric and date columns: 1 − (the share of the real range missed below + the share missed above),
/// floored at 0. Missing values are ignored. Not applicable when the real column is constant.
/// </summary>
public sealed class RangeCoverage : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic) =>
        ColumnMetrics.OnNumbers(this, real, synthetic, (r, s) =>
        {
            double minR = r.Min(), maxR = r.Max(), minS = s.Min(), maxS = s.Max();
            if (minR == maxR)
                return MetricResult.NotApplicable(this, $"Column '{real.Name}' is constant in the real data, so it has no range to cover.");
            var missedBelow = Math.Max((minS - minR) / (maxR - minR), 0);
            var missedAbove = Math.Max((maxR - maxS) / (maxR - minR), 0);
            return MetricResult.Of(this, Math.Max(1 - (missedBelow + missedAbove), 0));
        });
}
