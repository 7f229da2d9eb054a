using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// The exact Gaussian likelihood of a stationary ARMA process (the differenced series of a
/// (S)ARIMA model) by the Kalman filter on Harvey's state-space form (Harvey 1989; Durbin &amp;
/// Koopman 2012, §3.4): state dimension r = max(p', q' + 1) for the multiplied-out orders p', q',
/// state α_{t+1} = T α_t + R ε_{t+1}, observation w_t − μ = α_t[0], the filter started from the
/// stationary covariance that solves P = T P T' + R R'. Hand-written because no .NET library
/// (MathNet, ML.NET, Accord) offers a state-space or exact ARMA likelihood; MathNet does the
/// matrix algebra of the Lyapunov equation.
/// </summary>
internal static class ArimaLikelihood
{
    /// <summary>The pieces of the likelihood with σ² = 1: Σ log F_t, Σ v_t²/F_t and the number of observations.</summary>
    public readonly record struct Terms(double SumLogF, double SumSquares, int Count)
    {
        /// <summary>log L at innovation variance <paramref name="sigma2"/>.</summary>
        public double LogLikelihood(double sigma2) =>
            -0.5 * (Count * Math.Log(2 * Math.PI * sigma2) + SumLogF + SumSquares / sigma2);

        /// <summary>The maximising σ² (Σ v²/F over n).</summary>
        public double Sigma2 => SumSquares / Count;

        /// <summary>log L with σ² profiled out.</summary>
        public double Concentrated => -0.5 * (Count * (Math.Log(2 * Math.PI * Sigma2) + 1) + SumLogF);
    }

    /// <summary>
    /// Runs the filter over each series <paramref name="w"/> (already differenced) for the operators
    /// φ(B) = <paramref name="phi"/> and θ(B) = <paramref name="theta"/> (coefficient arrays of B^k,
    /// index 0 being 1), σ² = 1. Null if the start covariance is not finite (a non-stationary φ).
    /// </summary>
    public static Terms? Evaluate(IReadOnlyList<IReadOnlyList<double>> w, double mean, double[] phi, double[] theta)
    {
        int r = Math.Max(phi.Length - 1, theta.Length);
        var T = new double[r];                       // first column of T: φ_1 … φ_r (the rest is the shift)
        for (int i = 1; i < phi.Length; i++) T[i - 1] = -phi[i];
        var R = new double[r];
        R[0] = 1;
        for (int j = 1; j < theta.Length && j < r; j++) R[j] = theta[j];

        var start = StationaryCovariance(T, R);
        if (start is null) return null;

        double sumLogF = 0, sumSquares = 0;
        int count = 0;
        var P = new double[r, r];
        var a = new double[r];
        var m = new double[r];
        var x = new double[r, r];
        foreach (var series in w)
        {
            Array.Copy(start, P, start.Length);
            Array.Clear(a);
            bool steady = false;
            for (int t = 0; t < series.Count; t++)
            {
                double v = series[t] - mean - a[0];
                count++;
                if (steady)
                {
                    // Converged: P = R R', F = 1, gain R; the filter is the plain innovations recursion.
                    sumSquares += v * v;
                    for (int i = 0; i < r; i++) a[i] += R[i] * v;
                    Shift(T, a);
                    continue;
                }
                double F = P[0, 0];
                if (!(F > 0) || !double.IsFinite(F)) return null;
                sumLogF += Math.Log(F);
                sumSquares += v * v / F;
                for (int i = 0; i < r; i++) m[i] = P[i, 0];
                // Update with the observation, then predict: a ← T(a + m v/F), P ← T(P − m m'/F)T' + R R'.
                for (int i = 0; i < r; i++)
                {
                    a[i] += m[i] * v / F;
                    for (int j = 0; j < r; j++) P[i, j] -= m[i] * m[j] / F;
                }
                Shift(T, a);
                for (int i = 0; i < r; i++)
                    for (int j = 0; j < r; j++)
                        x[i, j] = T[i] * P[0, j] + (i + 1 < r ? P[i + 1, j] : 0);
                double change = 0;
                for (int i = 0; i < r; i++)
                    for (int j = 0; j < r; j++)
                    {
                        double value = x[i, 0] * T[j] + (j + 1 < r ? x[i, j + 1] : 0) + R[i] * R[j];
                        P[i, j] = value;
                        change = Math.Max(change, Math.Abs(value - R[i] * R[j]));
                    }
                steady = change < 1e-14;
            }
        }
        return new Terms(sumLogF, sumSquares, count);
    }

    /// <summary>a ← T a for T with first column <paramref name="T"/> and ones on the superdiagonal.</summary>
    private static void Shift(double[] T, double[] a)
    {
        double first = a[0];
        for (int i = 0; i < a.Length; i++) a[i] = T[i] * first + (i + 1 < a.Length ? a[i + 1] : 0);
    }

    /// <summary>
    /// Solves the discrete Lyapunov equation P = T P T' + R R' by Smith's doubling:
    /// S ← S + A S A', A ← A², which sums Σ T^k R R' T'^k over 2^i terms after i steps. Unlike the
    /// Kronecker-product solve (a dense r²×r² system) it stays cheap for seasonal state dimensions
    /// (r ≈ 2s) and converges to machine precision in ~log2(1/(1−ρ(T))) steps. Null when it
    /// does not converge (T not stable).
    /// </summary>
    public static double[,]? StationaryCovariance(double[] firstColumn, double[] R)
    {
        int r = R.Length;
        var A = Matrix<double>.Build.Dense(r, r);
        for (int i = 0; i < r; i++)
        {
            A[i, 0] = firstColumn[i];
            if (i + 1 < r) A[i, i + 1] = 1;
        }
        var Rv = Vector<double>.Build.DenseOfArray(R);
        var S = Rv.OuterProduct(Rv);
        for (int step = 0; step < 64; step++)
        {
            var increment = A * S * A.Transpose();
            S += increment;
            double size = S.Enumerate().Max(Math.Abs);
            if (!double.IsFinite(size)) return null;
            if (increment.Enumerate().Max(Math.Abs) <= 1e-16 * size) return S.ToArray();
            A *= A;
        }
        return null;
    }
}
