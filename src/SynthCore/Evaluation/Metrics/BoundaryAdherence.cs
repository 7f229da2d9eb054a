namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Share of synthetic values inside the real column's [min, max] (SDMetrics' BoundaryAdherence), for
/// numeric and date columns. As in SDMetrics: if the real column has missing values, missing values are
/// dropped from both columns; if it has none, a missing synthetic value counts as out of bounds.
/// </summary>
public sealed class BoundaryAdherence : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var r = ColumnValues.AlignedNumbers(real);
        var s = ColumnValues.AlignedNumbers(synthetic);
        var realValues = r.Where(x => x.HasValue).Select(x => x!.Value).ToArray();
        if (realValues.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no values in the real data.");
        var judged = realValues.Length < r.Length ? s.Where(x => x.HasValue).ToArray() : s;
        if (judged.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no values in the synthetic data.");
        double low = realValues.Min(), high = realValues.Max();
        return MetricResult.Of(this, (double)judged.Count(x => x >= low && x <= high) / judged.Length);
    }
}
