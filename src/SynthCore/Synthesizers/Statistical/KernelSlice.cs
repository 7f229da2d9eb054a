using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A Gaussian N(0, H) split into free dimensions F and given dimensions G: the density of the
/// given offsets, and the distribution of the free ones given them, N(H_FG H_GG⁻¹ d, H_FF − H_FG H_GG⁻¹ H_GF),
/// with its Cholesky factor for drawing. With nothing given it is just H's Cholesky factor.
/// </summary>
internal sealed class KernelSlice
{
    private readonly Matrix<double>? gain;
    private readonly Matrix<double>? givenPrecision;
    private readonly double logDeterminant;

    private KernelSlice(int[] free, Matrix<double> factor, Matrix<double>? gain, Matrix<double>? givenPrecision, double logDeterminant)
    {
        Free = free;
        Factor = factor;
        Lower = factor.ToRowMajorArray();
        this.gain = gain;
        this.givenPrecision = givenPrecision;
        this.logDeterminant = logDeterminant;
    }

    /// <summary>The free dimensions (indexes into the full kernel).</summary>
    public int[] Free { get; }

    /// <summary>Lower Cholesky factor of the free dimensions' conditional covariance.</summary>
    public Matrix<double> Factor { get; }

    /// <summary><see cref="Factor"/> row-major, for the per-row sampling loops (MathNet's indexer costs more than the arithmetic).</summary>
    public double[] Lower { get; }

    /// <param name="h">The full kernel covariance (over all dimensions of the model; rows/columns not in free or given are ignored).</param>
    public static KernelSlice Create(Matrix<double> h, int[] free, int[] given)
    {
        var hff = Sub(h, free, free);
        if (given.Length == 0) return new KernelSlice(free, Cholesky(hff), null, null, 0);
        var hgg = Sub(h, given, given);
        var hfg = Sub(h, free, given);
        var ggCholesky = hgg.Cholesky();
        var precision = ggCholesky.Solve(Matrix<double>.Build.DenseIdentity(given.Length));
        var gain = hfg * precision;
        var conditional = hff - gain * hfg.Transpose();
        return new KernelSlice(free, Cholesky(conditional), gain, precision, ggCholesky.DeterminantLn);
    }

    private static Matrix<double> Sub(Matrix<double> h, int[] rows, int[] columns) =>
        Matrix<double>.Build.Dense(rows.Length, columns.Length, (i, j) => h[rows[i], columns[j]]);

    /// <summary>Cholesky factor, with growing jitter if rounding left the matrix not quite positive definite.</summary>
    private static Matrix<double> Cholesky(Matrix<double> m)
    {
        if (m.RowCount == 0) return m;
        m = (m + m.Transpose()) / 2;
        for (double jitter = 0; ; jitter = jitter == 0 ? 1e-12 : jitter * 10)
        {
            try
            {
                var factor = (m + Matrix<double>.Build.DenseIdentity(m.RowCount) * jitter).Cholesky().Factor;
                if (factor.Enumerate().All(double.IsFinite)) return factor;
            }
            catch (ArgumentException) when (jitter < 1)
            {
            }
            if (jitter >= 1) throw new SynthException("The kernel covariance is not positive definite even with a ridge of 1; the numeric columns are degenerate.");
        }
    }

    /// <summary>Log density (up to a constant shared by all rows) of the kernel centred at <paramref name="centre"/> at <paramref name="given"/>.</summary>
    public double LogDensity(double[] given, double[] centre)
    {
        if (givenPrecision is null) return 0;
        var d = Vector<double>.Build.Dense(given.Length, i => given[i] - centre[i]);
        return -0.5 * (d * givenPrecision * d) - 0.5 * logDeterminant;
    }

    /// <summary>The conditional mean shift of free dimension <paramref name="i"/> for a row centred at <paramref name="centre"/>.</summary>
    public double Shift(int i, double[] given, double[] centre)
    {
        if (gain is null) return 0;
        double shift = 0;
        for (int j = 0; j < given.Length; j++) shift += gain[i, j] * (given[j] - centre[j]);
        return shift;
    }
}
