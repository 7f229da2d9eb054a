namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Share of synthetic values that are categories of the real column (SDMetrics' CategoryAdherence), for
/// categorical and boolean columns. A missing synthetic value is valid only if the real column has missing values.
/// </summary>
public sealed class CategoryAdherence : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        if (synthetic.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no rows in the synthetic data.");
        var categories = ColumnValues.Labels(real).Select(k => k ?? MissingCategory.Key).ToHashSet(StringComparer.Ordinal);
        var valid = ColumnValues.Labels(synthetic).Count(k => categories.Contains(k ?? MissingCategory.Key));
        return MetricResult.Of(this, (double)valid / synthetic.Length);
    }
}
