namespace SynthCore.Evaluation.Metrics;

/// <summary>The two-sample Kolmogorov–Smirnov statistic D and its two-sided p-value.</summary>
/// <param name="Statistic">The largest distance between the two empirical CDFs, 0 to 1.</param>
/// <param name="PValue">Chance of a D at least this large if both samples came from one distribution.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue);

/// <summary>
/// The two-sample Kolmogorov–Smirnov test. Hand-written because MathNet has no two-sample KS test.
/// The statistic is exact (same as scipy's ks_2samp). The p-value uses the Kolmogorov limiting
/// distribution with Stephens' small-sample correction, λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with
/// nₑ = n·m/(n+m) (Numerical Recipes' probks); scipy's default uses the exact distribution for small
/// samples, so p-values can differ from it in the second digit there, never in the conclusion at usual levels.
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Tests whether <paramref name="a"/> and <paramref name="b"/> come from the same distribution.</summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static KolmogorovSmirnovResult Test(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("Both samples need at least one value.");
        var d = Statistic(a, b);
        var ne = (double)a.Count * b.Count / (a.Count + b.Count);
        var sqrtNe = Math.Sqrt(ne);
        return new KolmogorovSmirnovResult(d, KolmogorovSurvival((sqrtNe + 0.12 + 0.11 / sqrtNe) * d));
    }

    /// <summary>sup |F_a(x) − F_b(x)| over all x, by walking both sorted samples.</summary>
    public static double Statistic(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            // Step past every copy of the smaller value in both samples, so ties move the CDFs together.
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] == v) i++;
            while (j < y.Length && y[j] == v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return d;
    }

    /// <summary>Q_KS(λ) = P(K > λ) for the Kolmogorov distribution K.</summary>
    internal static double KolmogorovSurvival(double lambda)
    {
        if (lambda <= 0) return 1;
        if (lambda < 1.18)
        {
            // Small λ: the series in exp(−(2j−1)²π²/(8λ²)) converges fast, the alternating one does not.
            var t = Math.PI * Math.PI / (8 * lambda * lambda);
            double sum = 0;
            for (var k = 1; k <= 7; k += 2) sum += Math.Exp(-k * k * t);
            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }
        double q = 0;
        for (var j = 1; j <= 100; j++)
        {
            var term = Math.Exp(-2.0 * j * j * lambda * lambda);
            q += (j % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-16) break;
        }
        return Math.Clamp(q, 0, 1);
    }
}
