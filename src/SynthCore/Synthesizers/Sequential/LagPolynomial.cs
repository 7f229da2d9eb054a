namespace SynthCore.Synthesizers.Sequential;

/// <summary>Lag polynomials as coefficient arrays (index k multiplies B^k, index 0 is 1).</summary>
internal static class LagPolynomial
{
    /// <summary>1 − c1·B^s − c2·B^2s − … (an AR factor) or, with <paramref name="sign"/> +1, 1 + c1·B^s + … (an MA factor).</summary>
    public static double[] Factor(IReadOnlyList<double> coefficients, int spacing, int sign)
    {
        var p = new double[coefficients.Count * spacing + 1];
        p[0] = 1;
        for (int i = 0; i < coefficients.Count; i++) p[(i + 1) * spacing] = sign * coefficients[i];
        return p;
    }

    public static double[] Multiply(double[] a, double[] b)
    {
        var r = new double[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
            if (a[i] != 0)
                for (int j = 0; j < b.Length; j++) r[i + j] += a[i] * b[j];
        return r;
    }

    /// <summary>(1 − B)^d (1 − B^s)^D.</summary>
    public static double[] Differencing(int d, int seasonalD, int period)
    {
        double[] p = [1];
        for (int i = 0; i < d; i++) p = Multiply(p, [1, -1]);
        for (int i = 0; i < seasonalD; i++) p = Multiply(p, Factor([1.0], period, -1));
        return p;
    }

    /// <summary>Applies a lag polynomial to a series: out[t] = Σ p_k x[t−k], for t ≥ degree (the first degree values are dropped).</summary>
    public static double[] Apply(double[] p, IReadOnlyList<double> x)
    {
        int degree = p.Length - 1;
        var result = new double[Math.Max(0, x.Count - degree)];
        for (int t = degree; t < x.Count; t++)
        {
            double s = 0;
            for (int k = 0; k < p.Length; k++) s += p[k] * x[t - k];
            result[t - degree] = s;
        }
        return result;
    }

    /// <summary>
    /// Whether every root of the polynomial lies outside the unit circle (stationary AR or
    /// invertible MA factor). MathNet finds the roots from the companion matrix.
    /// </summary>
    public static bool RootsOutsideUnitCircle(double[] p)
    {
        int degree = p.Length - 1;
        while (degree > 0 && p[degree] == 0) degree--;
        if (degree == 0) return true;
        var roots = new MathNet.Numerics.Polynomial(p.AsSpan(0, degree + 1).ToArray()).Roots();
        return roots.All(r => r.Magnitude > 1.0 + 1e-6);
    }
}
