using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>Turns a noisy symmetric matrix into a valid correlation matrix (positive definite, unit diagonal).</summary>
internal static class CorrelationRepair
{
    /// <summary>Smallest eigenvalue kept: keeps the Cholesky factor well conditioned.</summary>
    public const double MinEigenvalue = 1e-4;

    /// <summary>
    /// Symmetrises, raises eigenvalues below <see cref="MinEigenvalue"/> to it (the eigenvalue-clipping
    /// projection, Rousseeuw &amp; Molenberghs 1993), then rescales to unit diagonal, which keeps it positive definite.
    /// </summary>
    public static Matrix<double> Repair(Matrix<double> noisy)
    {
        var symmetric = (noisy + noisy.Transpose()) / 2;
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var clipped = evd.EigenValues.Map(l => Math.Max(l.Real, MinEigenvalue));
        var psd = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(clipped) * evd.EigenVectors.Transpose();
        var scale = psd.Diagonal().Map(d => 1 / Math.Sqrt(d));
        var result = Matrix<double>.Build.DiagonalOfDiagonalVector(scale) * psd * Matrix<double>.Build.DiagonalOfDiagonalVector(scale);
        for (int i = 0; i < result.RowCount; i++)
        {
            result[i, i] = 1;
            for (int j = 0; j < i; j++) result[i, j] = result[j, i] = (result[i, j] + result[j, i]) / 2;
        }
        return result;
    }
}
