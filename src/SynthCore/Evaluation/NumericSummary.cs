namespace SynthCore.Evaluation;

/// <summary>Count, mean, sample standard deviation, min, max and median of the non-missing values; null where undefined.</summary>
public sealed record NumericSummary(int Count, double? Mean, double? Std, double? Min, double? Max, double? Median = null)
{
    public static NumericSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new NumericSummary(0, null, null, null, null);
        // MathNet's Statistics.StandardDeviation is the sample (n − 1) standard deviation, as pandas' std().
        double? std = values.Count > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) : null;
        return new NumericSummary(values.Count, MathNet.Numerics.Statistics.Statistics.Mean(values), std, values.Min(), values.Max(),
            MathNet.Numerics.Statistics.Statistics.Median(values));
    }
}
