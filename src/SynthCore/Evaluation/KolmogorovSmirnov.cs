namespace SynthCore.Evaluation;

/// <summary>The two-sample Kolmogorov–Smirnov statistic and its asymptotic p-value.</summary>
/// <param name="Statistic">D: the largest gap between the two empirical CDFs, 0 to 1.</param>
/// <param name="PValue">The asymptotic two-sided p-value, 0 to 1.</param>
public sealed record KsResult(double Statistic, double PValue);

/// <summary>
/// Hand-written because MathNet.Numerics has only one-sample goodness-of-fit helpers, not the
/// two-sample test. D is exact; the p-value is the Kolmogorov limiting distribution
/// Q(√(nm/(n+m))·D) (scipy.special.kolmogorov, i.e. scipy.stats.kstwobign.sf), the classic
/// asymptotic form. scipy's ks_2samp defaults to an exact p-value for small samples, and its
/// method='asymp' uses a finite-n refinement, so for tiny samples p-values differ slightly from
/// scipy's; D agrees exactly.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>Compares two samples (NaN values must already be removed).</summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static KsResult TwoSample(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count == 0 || second.Count == 0)
            throw new ArgumentException("Both samples need at least one value.");
        double d = Statistic(first, second);
        double n = first.Count, m = second.Count;
        double effective = n * m / (n + m);
        return new KsResult(d, KolmogorovSurvival(Math.Sqrt(effective) * d));
    }

    /// <summary>
    /// D = sup |F₁(x) − F₂(x)|, walking the merged sorted values. At a value present in both samples
    /// (a tie) both CDFs must step past every copy before the gap is measured, otherwise a tie
    /// would be counted as a gap.
    /// </summary>
    public static double Statistic(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var a = first.ToArray();
        var b = second.ToArray();
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x) i++;
            while (j < b.Length && b[j] == x) j++;
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        // Past the end of one sample its CDF is 1; the other only rises towards 1, so the gap
        // measured at the last step is already the largest of the rest.
        return d;
    }

    /// <summary>
    /// Q(λ) = P(K > λ) of the Kolmogorov distribution. Two series of the same function: the
    /// alternating one converges fast for large λ, the Jacobi-theta form for small λ.
    /// </summary>
    public static double KolmogorovSurvival(double lambda)
    {
        if (double.IsNaN(lambda)) return double.NaN;
        if (lambda <= 0) return 1;
        double sum = 0;
        if (lambda < 1.18)
        {
            double factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k <= 50; k++)
            {
                double term = Math.Exp(factor * (2 * k - 1) * (2 * k - 1));
                sum += term;
                if (term < 1e-17) break;
            }
            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-17) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
