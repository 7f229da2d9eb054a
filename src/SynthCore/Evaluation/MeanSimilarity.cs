namespace SynthCore.Evaluation;

/// <summary>The original notebook's "similarity %" of two means.</summary>
public static class MeanSimilarity
{
    /// <summary>
    /// 100 × (1 − |mean_real − mean_synthetic| / |mean_real|), clipped to [0, 100]: 100 when the
    /// means agree, 0 when they differ by the real mean's size or more. When the real mean is 0 the
    /// ratio is undefined (the notebook divided by zero), so the result is null ("n/a"), as it is
    /// when either mean is missing.
    /// </summary>
    public static double? Percent(double? realMean, double? syntheticMean)
    {
        if (realMean is not double real || syntheticMean is not double synthetic || real == 0) return null;
        return Math.Clamp(100 * (1 - Math.Abs(real - synthetic) / Math.Abs(real)), 0, 100);
    }
}
