namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// 1 − the total variation distance between the category frequencies of the real and synthetic column
/// (SDMetrics' TVComplement), for categorical and boolean columns. Missing values are dropped.
/// </summary>
public sealed class TVComplement : UnitScore, IColumnMetric
{
    // SDMetrics gives categories seen only in the synthetic data this tiny real count (to avoid a zero
    // frequency in its chi-squared use of the same helper); kept so scores match to the last digits.
    private const double UnseenCategoryCount = 1e-6;

    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var realCounts = Count(ColumnValues.Labels(real).OfType<string>());
        var syntheticCounts = Count(ColumnValues.Labels(synthetic).OfType<string>());
        if (ColumnMetrics.NoValues(this, real.Name, realCounts.Count, syntheticCounts.Count) is { } notApplicable)
            return notApplicable;
        foreach (var key in syntheticCounts.Keys)
            realCounts.TryAdd(key, UnseenCategoryCount);
        var realTotal = realCounts.Values.Sum();
        var syntheticTotal = syntheticCounts.Values.Sum();
        double variation = 0;
        foreach (var (key, count) in realCounts)
            variation += Math.Abs(syntheticCounts.GetValueOrDefault(key) / syntheticTotal - count / realTotal);
        return MetricResult.Of(this, 1 - 0.5 * variation);
    }

    private static Dictionary<string, double> Count(IEnumerable<string> keys)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in keys) counts[key] = counts.GetValueOrDefault(key) + 1;
        return counts;
    }
}
