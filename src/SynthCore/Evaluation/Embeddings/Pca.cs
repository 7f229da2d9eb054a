using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Evaluation.Embeddings;

/// <summary>
/// Principal component analysis by singular value decomposition (MathNet) of the centred data: the
/// components are the right singular vectors, the explained variances s²/(n − 1). Fitted on one matrix,
/// applied to others with the same centring.
/// </summary>
public sealed class Pca
{
    private Pca(Vector<double> mean, Matrix<double> components, double[] variance, double[] ratio)
    {
        Mean = mean;
        Components = components;
        ExplainedVariance = variance;
        ExplainedVarianceRatio = ratio;
    }

    /// <summary>The fitted data's column means.</summary>
    public Vector<double> Mean { get; }

    /// <summary>One principal axis per row (unit length), largest variance first.</summary>
    public Matrix<double> Components { get; }

    /// <summary>Variance along each kept component (sample variance, n − 1).</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Each kept component's share of the total variance.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Fits <paramref name="components"/> principal axes of the rows of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two rows, or more components than features.</exception>
    public static Pca Fit(Matrix<double> data, int components = 2)
    {
        if (data.RowCount < 2) throw new ArgumentException("PCA needs at least two rows.", nameof(data));
        if (components < 1 || components > data.ColumnCount)
            throw new ArgumentOutOfRangeException(nameof(components), $"must be 1 to {data.ColumnCount} (the number of features), got {components}.");
        var mean = data.ColumnSums() / data.RowCount;
        var centred = data - Matrix<double>.Build.Dense(data.RowCount, data.ColumnCount, (_, j) => mean[j]);
        // A full SVD would also build the n × n matrix U; a thin QR first (X = QR) leaves the same singular
        // values and right vectors in the small d × d factor R. Needs n ≥ d; otherwise decompose X directly.
        var svd = data.RowCount >= data.ColumnCount
            ? centred.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).R.Svd(computeVectors: true)
            : centred.Svd(computeVectors: true);
        var singular = svd.S.ToArray();
        double total = singular.Sum(s => s * s);
        var variance = singular.Take(components).Select(s => s * s / (data.RowCount - 1)).ToArray();
        var ratio = singular.Take(components).Select(s => total > 0 ? s * s / total : 0).ToArray();
        var axes = svd.VT.SubMatrix(0, components, 0, data.ColumnCount);
        // The SVD leaves each axis' sign arbitrary; make the largest loading positive so results are stable.
        for (int k = 0; k < components; k++)
        {
            var row = axes.Row(k);
            if (row[row.AbsoluteMaximumIndex()] < 0) axes.SetRow(k, -row);
        }
        return new Pca(mean, axes, variance, ratio);
    }

    /// <summary>The coordinates of the rows of <paramref name="data"/> on the principal axes (rows × components).</summary>
    public Matrix<double> Transform(Matrix<double> data)
    {
        if (data.ColumnCount != Mean.Count)
            throw new ArgumentException($"Expected {Mean.Count} features, got {data.ColumnCount}.", nameof(data));
        var centred = data - Matrix<double>.Build.Dense(data.RowCount, data.ColumnCount, (_, j) => Mean[j]);
        return centred * Components.Transpose();
    }
}
