namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// The exact Wasserstein-1 (earth mover's) distance between the empirical distributions of a real and a
/// synthetic numeric column: ∫|F_real(x) − F_synthetic(x)| dx, in the column's own units (dates: ticks of 100 ns).
/// Missing values are dropped. Hand-written because MathNet has no Wasserstein distance; it is a single
/// merge of the two sorted samples.
/// </summary>
public sealed class WassersteinDistance : IColumnMetric
{
    public string Name => "WassersteinDistance";
    public double Min => 0;
    public double Max => double.PositiveInfinity;
    public MetricGoal Goal => MetricGoal.Minimize;

    public MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic) =>
        ColumnMetrics.OnNumbers(this, real, synthetic, (r, s) => MetricResult.Of(this, Between(r, s)));

    /// <summary>The distance between two non-empty samples.</summary>
    public static double Between(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double distance = 0, previous = Math.Min(x[0], y[0]);
        while (i < x.Length || j < y.Length)
        {
            var next = j == y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            // Between the previous breakpoint and this one both CDFs are flat.
            distance += Math.Abs((double)i / x.Length - (double)j / y.Length) * (next - previous);
            while (i < x.Length && x[i] == next) i++;
            while (j < y.Length && y[j] == next) j++;
            previous = next;
        }
        return distance;
    }
}
