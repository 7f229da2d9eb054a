namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Share of synthetic key values that are present and not repeats of an earlier row (SDMetrics'
/// KeyUniqueness), for identifier columns. Only the synthetic column is judged.
/// </summary>
public sealed class KeyUniqueness : UnitScore, IColumnMetric
{
    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        if (synthetic.Length == 0)
            return MetricResult.NotApplicable(this, $"Column '{real.Name}' has no rows in the synthetic data.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bad = ColumnValues.Labels(synthetic).Count(k => k is null || !seen.Add(k));
        return MetricResult.Of(this, 1 - (double)bad / synthetic.Length);
    }
}
