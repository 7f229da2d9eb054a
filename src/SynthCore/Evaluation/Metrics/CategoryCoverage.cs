namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Share of the real column's categories that appear in the synthetic column (SDMetrics' CategoryCoverage),
/// for categorical and boolean columns. Missing values are ignored.
/// </summary>
public sealed class CategoryCoverage : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var categories = ColumnValues.Labels(real).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (categories.Count == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no values in the real data.");
        var covered = ColumnValues.Labels(synthetic).OfType<string>().Where(categories.Contains).Distinct(StringComparer.Ordinal).Count();
        return MetricResult.Of(this, (double)covered / categories.Count);
    }
}
