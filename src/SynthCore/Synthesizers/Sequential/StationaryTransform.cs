namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// Maps unconstrained reals onto stationary AR (or, with the sign flipped, invertible MA)
/// coefficients through partial autocorrelations (Jones 1980; Monahan 1984): u → r = tanh(u),
/// then the Durbin–Levinson recursion. Every u gives a polynomial with all roots outside the unit
/// circle and every such polynomial is reached, so the likelihood search needs no constraints.
/// </summary>
internal static class StationaryTransform
{
    /// <summary>Partial autocorrelations (each in (−1, 1)) to c with 1 − c1·B − … − cp·B^p stationary.</summary>
    public static double[] FromPartial(IReadOnlyList<double> partial)
    {
        int p = partial.Count;
        var c = new double[p];
        var previous = new double[p];
        for (int k = 0; k < p; k++)
        {
            Array.Copy(c, previous, k);
            double r = partial[k];
            for (int j = 0; j < k; j++) c[j] = previous[j] - r * previous[k - 1 - j];
            c[k] = r;
        }
        return c;
    }

    /// <summary>The inverse (the step-down recursion); a non-stationary input gives |r| ≥ 1 somewhere.</summary>
    public static double[] ToPartial(IReadOnlyList<double> coefficients)
    {
        int p = coefficients.Count;
        var c = coefficients.ToArray();
        var partial = new double[p];
        for (int k = p - 1; k >= 0; k--)
        {
            double r = c[k];
            partial[k] = r;
            if (Math.Abs(r) >= 1) break;
            var next = new double[k];
            for (int j = 0; j < k; j++) next[j] = (c[j] + r * c[k - 1 - j]) / (1 - r * r);
            Array.Copy(next, c, k);
        }
        return partial;
    }

    /// <summary>Unconstrained values to AR coefficients φ (1 − φ1·B − …).</summary>
    public static double[] Ar(ReadOnlySpan<double> u)
    {
        var partial = new double[u.Length];
        // Clamped so that |r| < 1 − 1e-10 in floating point: at |r| = 1 the polynomial has a unit root.
        for (int i = 0; i < u.Length; i++) partial[i] = Math.Tanh(Math.Clamp(u[i], -12, 12));
        return FromPartial(partial);
    }

    /// <summary>Unconstrained values to MA coefficients θ (1 + θ1·B + …): the AR map with the sign flipped.</summary>
    public static double[] Ma(ReadOnlySpan<double> u) => Ar(u).Select(c => -c).ToArray();

    /// <summary>AR coefficients back to unconstrained values, partial autocorrelations clamped inside ±<paramref name="limit"/>.</summary>
    public static double[] FromAr(IReadOnlyList<double> ar, double limit = 0.999) =>
        ToPartial(ar).Select(r => Math.Atanh(Math.Clamp(r, -limit, limit))).ToArray();

    public static double[] FromMa(IReadOnlyList<double> ma, double limit = 0.999) => FromAr(ma.Select(t => -t).ToArray(), limit);
}
