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
        var filter = ArmaKalmanFilter.Create(phi, theta);
        if (filter is null) return null;

        double sumLogF = 0, sumSquares = 0;
        int count = 0;
        foreach (var series in w)
        {
            filter.Reset();
            for (int t = 0; t < series.Count; t++)
            {
                double v = series[t] - mean - filter.State[0];
                count++;
                if (filter.Steady)
                {
                    // Converged: P = R R', F = 1, gain R; the filter is the plain innovations recursion.
                    sumSquares += v * v;
                    filter.Update(v);
                    continue;
                }
                double F = filter.Covariance[0, 0];
                if (!(F > 0) || !double.IsFinite(F)) return null;
                sumLogF += Math.Log(F);
                sumSquares += v * v / F;
                filter.Update(v);
            }
        }
        return new Terms(sumLogF, sumSquares, count);
    }

    /// <summary>
    /// The filter's predicted state a_τ = E[α_τ | w_0 … w_{τ−1}] of one differenced series at each of
    /// <paramref name="positions"/> (0 … w.Count), σ² = 1: where a simulation continuing the series after
    /// w_{τ−1} starts. Null for a non-stationary φ.
    /// </summary>
    public static double[][]? PredictedStates(IReadOnlyList<double> w, double mean, double[] phi, double[] theta, IReadOnlyList<int> positions)
    {
        var filter = ArmaKalmanFilter.Create(phi, theta);
        if (filter is null) return null;
        var result = new double[positions.Count][];
        int last = positions.DefaultIfEmpty(0).Max();
        for (int t = 0; ; t++)
        {
            for (int i = 0; i < positions.Count; i++)
                if (positions[i] == t) result[i] = (double[])filter.State.Clone();
            if (t >= last || t >= w.Count) break;
            if (!filter.Steady && !(filter.Covariance[0, 0] > 0)) return null;
            filter.Update(w[t] - mean - filter.State[0]);
        }
        return result.Any(s => s is null) ? null : result;
    }

    /// <summary>The predicted state's covariance P_τ (σ² = 1) at each of <paramref name="positions"/>; it does not depend on the data.</summary>
    public static double[][,]? PredictedCovariances(double[] phi, double[] theta, IReadOnlyList<int> positions)
    {
        var filter = ArmaKalmanFilter.Create(phi, theta);
        if (filter is null) return null;
        var result = new double[positions.Count][,];
        int last = positions.DefaultIfEmpty(0).Max();
        for (int t = 0; ; t++)
        {
            for (int i = 0; i < positions.Count; i++)
                if (positions[i] == t || (filter.Steady && positions[i] > t)) result[i] ??= (double[,])filter.Covariance.Clone();
            if (t >= last || filter.Steady) break;
            if (!filter.Steady && !(filter.Covariance[0, 0] > 0)) return null;
            filter.Update(0);
        }
        return result;
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
