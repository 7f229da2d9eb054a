using MathNet.Numerics.Statistics;

namespace SynthReports.Charts;

/// <summary>
/// Q-Q plot of one numeric column: the synthetic table's quantiles against the real table's at the same
/// probabilities, with the y = x line. Points on the line mean the two distributions agree; a slope
/// away from 1 means a different spread, a bend different tails.
/// </summary>
public static class QqChart
{
    /// <summary>Quantiles drawn (fewer when a table has fewer values).</summary>
    public const int MaxQuantiles = 100;

    public const string PointsName = "quantiles";
    public const string DiagonalName = "y = x";

    /// <summary>The chart; missing and non-finite values are left out.</summary>
    /// <exception cref="SynthCore.SynthColumnException">Either table has no numeric values in the column.</exception>
    public static Figure Build(string column, IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic)
    {
        var (r, s) = (Sorted(column, real, "real"), Sorted(column, synthetic, "synthetic"));
        var (x, y) = Quantiles(r, s);
        double lo = Math.Min(r[0], s[0]), hi = Math.Max(r[^1], s[^1]);
        var traces = new Trace[]
        {
            ChartParts.Markers(PointsName, EvaluationCharts.SyntheticColor, x, y, opacity: 0.8),
            ChartParts.Line(DiagonalName, "#555555", [lo, hi], [lo, hi], dash: "dash"),
        };
        return ChartParts.Chart(traces, $"Q-Q plot: {column}", $"real {column} quantiles", $"synthetic {column} quantiles", 480, 420);
    }

    /// <summary>
    /// The real and synthetic quantiles at probabilities (k − 0.5) / m, k = 1..m, m = min(<see cref="MaxQuantiles"/>, sizes),
    /// by MathNet's default quantile estimate (R-8, median-unbiased).
    /// </summary>
    public static (double[] Real, double[] Synthetic) Quantiles(double[] sortedReal, double[] sortedSynthetic)
    {
        int m = Math.Min(MaxQuantiles, Math.Min(sortedReal.Length, sortedSynthetic.Length));
        m = Math.Max(m, 1);
        var p = Enumerable.Range(1, m).Select(k => (k - 0.5) / m).ToArray();
        return (p.Select(q => SortedArrayStatistics.Quantile(sortedReal, q)).ToArray(),
                p.Select(q => SortedArrayStatistics.Quantile(sortedSynthetic, q)).ToArray());
    }

    private static double[] Sorted(string column, IReadOnlyList<object?> values, string table)
    {
        var numbers = ChartValues.Numbers(values);
        if (numbers.Length == 0)
            throw new SynthCore.SynthColumnException(column, $"has no numeric values in the {table} table; a Q-Q plot needs numbers.");
        Array.Sort(numbers);
        return numbers;
    }
}
