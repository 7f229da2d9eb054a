namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A monotone quantile function stored as values at evenly spaced probabilities u_k = k/(K−1),
/// linear in between: Q(0) is the observed minimum and Q(1) the maximum, so anything sampled
/// through it stays inside the observed range. Lookup is O(1) for Q and O(log K) for its inverse.
/// </summary>
internal sealed class QuantileTable
{
    public QuantileTable(double[] values)
    {
        if (values.Length < 2) throw new ArgumentException("A quantile table needs at least two points.", nameof(values));
        Values = values;
    }

    /// <summary>Q(k/(K−1)) for k = 0..K−1, non-decreasing.</summary>
    public double[] Values { get; }

    public double Min => Values[0];
    public double Max => Values[^1];

    /// <summary>The empirical quantile function (linear interpolation between order statistics) on at most <paramref name="maxPoints"/> points.</summary>
    public static QuantileTable FromSorted(double[] sorted, int maxPoints)
    {
        int n = sorted.Length;
        if (n == 1) return new QuantileTable([sorted[0], sorted[0]]);
        if (n <= maxPoints) return new QuantileTable((double[])sorted.Clone());
        var values = new double[maxPoints];
        for (int k = 0; k < maxPoints; k++) values[k] = Interpolate(sorted, (double)k / (maxPoints - 1));
        return new QuantileTable(values);
    }

    /// <summary>A fitted distribution's quantiles, clipped to the observed [min, max], which are also its ends.</summary>
    public static QuantileTable FromDistribution(FittedDistribution distribution, double min, double max, int points)
    {
        var values = new double[points];
        values[0] = min;
        values[^1] = max;
        for (int k = 1; k < points - 1; k++)
            values[k] = Math.Clamp(distribution.Quantile((double)k / (points - 1)), min, max);
        for (int k = 1; k < points; k++) values[k] = Math.Max(values[k], values[k - 1]);
        return new QuantileTable(values);
    }

    private static double Interpolate(double[] sorted, double u)
    {
        double pos = u * (sorted.Length - 1);
        int i = (int)pos;
        if (i >= sorted.Length - 1) return sorted[^1];
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }

    /// <summary>Q(u) for u in [0, 1].</summary>
    public double Quantile(double u) => Interpolate(Values, Math.Clamp(u, 0, 1));

    /// <summary>The smallest u with Q(u) ≥ x (0 below the minimum, 1 above the maximum).</summary>
    public double LowerProbability(double x)
    {
        if (x <= Values[0]) return 0;
        if (x > Values[^1]) return 1;
        int k = Array.BinarySearch(Values, x);
        if (k >= 0) { while (k > 0 && Values[k - 1] == x) k--; return (double)k / (Values.Length - 1); }
        int hi = ~k, lo = hi - 1;
        return (lo + (x - Values[lo]) / (Values[hi] - Values[lo])) / (Values.Length - 1);
    }

    /// <summary>The largest u with Q(u) ≤ x (0 below the minimum, 1 above the maximum).</summary>
    public double UpperProbability(double x)
    {
        if (x < Values[0]) return 0;
        if (x >= Values[^1]) return 1;
        int k = Array.BinarySearch(Values, x);
        if (k >= 0) { while (k < Values.Length - 1 && Values[k + 1] == x) k++; return (double)k / (Values.Length - 1); }
        int hi = ~k, lo = hi - 1;
        return (lo + (x - Values[lo]) / (Values[hi] - Values[lo])) / (Values.Length - 1);
    }
}
