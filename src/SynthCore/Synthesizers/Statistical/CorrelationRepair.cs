using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Makes an estimated correlation matrix a valid one: symmetric, unit diagonal, positive definite.
/// Pairwise estimates (with missing values) or constant-ish columns can give an indefinite matrix;
/// clipping eigenvalues at a floor and rescaling to unit diagonal, repeated until the Cholesky
/// factorisation succeeds, is the usual cheap nearest-correlation repair.
/// </summary>
public static class CorrelationRepair
{
    /// <summary>The smallest eigenvalue kept, relative to the dimension.</summary>
    public const double EigenFloor = 1e-6;

    /// <summary>A positive-definite correlation matrix close to <paramref name="estimate"/> (NaN entries are treated as 0).</summary>
    /// <exception cref="OperationCanceledException">Cancelled: answered at once, even inside an eigen-decomposition.</exception>
    public static double[,] Repair(double[,] estimate, CancellationToken cancellation = default) =>
        // An iteration's eigen-decomposition, product and Cholesky factorisation of 1,500 columns take seconds and
        // cannot check a token (50 iterations ignored Ctrl+C for 7 minutes); the worker stops at its next iteration.
        Resources.CancellableWork.Run(() => Repair(estimate, cancellation, iterations: 50), cancellation);

    private static double[,] Repair(double[,] estimate, CancellationToken cancellation, int iterations)
    {
        int d = estimate.GetLength(0);
        var m = Matrix<double>.Build.Dense(d, d, (i, j) =>
            i == j ? 1 : double.IsFinite(estimate[i, j]) ? Math.Clamp(0.5 * (estimate[i, j] + estimate[j, i]), -1, 1) : 0);
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            var evd = m.Evd(Symmetricity.Symmetric);
            var values = evd.EigenValues.Real();
            if (values.Minimum() >= EigenFloor && IsCholeskyOk(m)) break;
            var clipped = values.Map(v => Math.Max(v, EigenFloor));
            m = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(clipped) * evd.EigenVectors.Transpose();
            var scale = m.Diagonal().Map(v => 1 / Math.Sqrt(v));
            m = Matrix<double>.Build.Dense(d, d, (i, j) => i == j ? 1 : m[i, j] * scale[i] * scale[j]);
        }
        return m.ToArray();
    }

    private static bool IsCholeskyOk(Matrix<double> m)
    {
        try { m.Cholesky(); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Whether <paramref name="c"/> is symmetric with unit diagonal and Cholesky-factorisable.</summary>
    public static bool IsValidCorrelation(double[,] c)
    {
        int d = c.GetLength(0);
        for (int i = 0; i < d; i++)
        {
            if (Math.Abs(c[i, i] - 1) > 1e-9) return false;
            for (int j = 0; j < d; j++) if (Math.Abs(c[i, j] - c[j, i]) > 1e-12 || !double.IsFinite(c[i, j])) return false;
        }
        return d == 0 || IsCholeskyOk(Matrix<double>.Build.DenseOfArray(c));
    }
}
