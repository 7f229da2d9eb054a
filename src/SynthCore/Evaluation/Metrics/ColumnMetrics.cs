namespace SynthCore.Evaluation.Metrics;

/// <summary>The steps column metrics share before their own arithmetic.</summary>
internal static class ColumnMetrics
{
    /// <summary>Why the score does not apply when either side of <paramref name="column"/> has no values; null when both have.</summary>
    public static MetricResult? NoValues(IMetric metric, string column, int realValues, int syntheticValues) =>
        realValues == 0 || syntheticValues == 0
            ? MetricResult.NotApplicable(metric, $"Column '{column}' has no values in the {(realValues == 0 ? "real" : "synthetic")} data.")
            : null;

    /// <summary>
    /// <paramref name="score"/> of the two columns' numbers (missing values dropped, dates as ticks), or not applicable
    /// when either side has none.
    /// </summary>
    public static MetricResult OnNumbers(IMetric metric, DataFrameColumn real, DataFrameColumn synthetic, Func<double[], double[], MetricResult> score)
    {
        var r = ColumnValues.Numbers(real);
        var s = ColumnValues.Numbers(synthetic);
        return NoValues(metric, real.Name, r.Length, s.Length) ?? score(r, s);
    }
}
