namespace SynthCore.Synthesizers.Statistical;

/// <summary>Draws from N(mean, sd²) restricted to a union of intervals, by inverting the CDF on the chosen interval.</summary>
internal static class TruncatedNormalSampler
{
    /// <param name="intervals">Disjoint intervals [lo, hi] (bounds may be infinite; lo == hi is a point).</param>
    public static double Sample(double mean, double sd, IReadOnlyList<(double Lo, double Hi)> intervals, Random random)
    {
        if (intervals.Count == 1 && intervals[0].Lo == intervals[0].Hi) return intervals[0].Lo;
        Span<double> masses = stackalloc double[Math.Min(intervals.Count, 256)];
        double[]? big = intervals.Count > 256 ? new double[intervals.Count] : null;
        var mass = big is null ? masses[..intervals.Count] : big.AsSpan();
        double total = 0;
        for (int k = 0; k < intervals.Count; k++)
        {
            mass[k] = Mass((intervals[k].Lo - mean) / sd, (intervals[k].Hi - mean) / sd);
            total += mass[k];
        }
        if (!(total > 1e-300))
        {
            // Every interval is beyond ~37 sd: the conditional is concentrated at the nearest bound.
            double best = double.NaN, bestDistance = double.PositiveInfinity;
            foreach (var (lo, hi) in intervals)
            {
                double x = Math.Clamp(mean, lo, hi), distance = Math.Abs(x - mean);
                if (distance < bestDistance) { best = x; bestDistance = distance; }
            }
            return best;
        }
        double pick = random.NextDouble() * total;
        int chosen = 0;
        while (chosen < intervals.Count - 1 && pick >= mass[chosen]) { pick -= mass[chosen]; chosen++; }
        var (a, b) = intervals[chosen];
        double z = Standard((a - mean) / sd, (b - mean) / sd, random);
        return Math.Clamp(mean + sd * z, a, b);
    }

    private static double Mass(double alpha, double beta) =>
        alpha > 0 ? StandardNormal.UpperTail(alpha) - StandardNormal.UpperTail(beta) : StandardNormal.Cdf(beta) - StandardNormal.Cdf(alpha);

    /// <summary>A standard normal draw in [alpha, beta]; the upper tail is mirrored so the CDF differences keep their precision.</summary>
    private static double Standard(double alpha, double beta, Random random)
    {
        if (alpha == beta) return alpha;
        if (alpha > 0) return -Standard(-beta, -alpha, random);
        double lo = StandardNormal.Cdf(alpha), hi = StandardNormal.Cdf(beta);
        double u = lo + random.NextDouble() * (hi - lo);
        if (!(u > 0)) return alpha;
        double z = StandardNormal.InvCdf(Math.Min(u, 1 - 1e-16));
        return Math.Clamp(z, alpha, beta);
    }
}
