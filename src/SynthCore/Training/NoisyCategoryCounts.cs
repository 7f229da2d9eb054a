using MathNet.Numerics.Distributions;

namespace SynthCore.Training;

/// <summary>
/// Category counts released with the Gaussian mechanism, for the DP-SGD conditional models (cgan,
/// ctgan): their generators are fed conditions drawn at the category frequencies, and sampling draws
/// them too, so the frequencies must be private as well. Adding or removing one row changes one
/// count by 1 in every column, an L2 sensitivity of √columns; each count gets N(0, (σ·√columns)²),
/// which is one Gaussian release of noise multiplier σ (RDP α / 2σ², <see cref="Account"/>). The
/// noisy counts are rounded and clamped at 0 (post-processing: no further privacy cost); a column
/// whose counts all vanish gets equal counts, so every category stays drawable.
/// </summary>
public static class NoisyCategoryCounts
{
    /// <param name="counts">Per categorical column, the exact count of each category.</param>
    /// <param name="noiseMultiplier">σ: the noise standard deviation in units of the sensitivity √columns.</param>
    /// <param name="random">Seeded source of the noise.</param>
    public static int[][] Release(IReadOnlyList<int[]> counts, double noiseMultiplier, Random random)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(noiseMultiplier > 0) || double.IsInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), "The noise multiplier must be positive.");
        double deviation = noiseMultiplier * Math.Sqrt(counts.Count);
        var released = new int[counts.Count][];
        for (int c = 0; c < counts.Count; c++)
        {
            released[c] = counts[c].Select(n => (int)Math.Max(0, Math.Round(n + Normal.Sample(random, 0, deviation)))).ToArray();
            if (released[c].All(n => n == 0)) Array.Fill(released[c], 1);
        }
        return released;
    }

    /// <summary>Adds one release of noise multiplier σ to <paramref name="accountant"/> (a Gaussian mechanism is a sampled one with q = 1).</summary>
    public static RdpAccountant Account(RdpAccountant accountant, double noiseMultiplier) =>
        accountant.Compose(1, noiseMultiplier, 1);
}
