using MathNet.Numerics.LinearAlgebra;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Embeddings;

namespace SynthCore.Evaluation.Sequences;

/// <summary>
/// Real and synthetic sequence windows as points for PCA and t-SNE: each window ([step][feature]) is
/// min-max scaled per feature on the real windows' range and flattened to one row of steps × features
/// values, then embedded by the table embeddings' PCA (fitted on the real windows, applied to both) or
/// t-SNE (both together, each point keeping its source).
/// </summary>
public static class SequenceWindowEmbedding
{
    /// <summary>The windows scaled by <paramref name="scaler"/> and flattened step by step (rows × steps·features).</summary>
    public static Matrix<double> Flatten(double[][][] windows, MinMaxScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Length == 0) throw new SynthException("There are no sequences to embed.");
        int steps = windows[0].Length, features = scaler.Features;
        var matrix = Matrix<double>.Build.Dense(windows.Length, steps * features);
        for (int w = 0; w < windows.Length; w++)
        {
            if (windows[w].Length != steps || windows[w].Any(s => s.Length != features))
                throw new SynthException($"Sequence {w} has a different shape from the first ({steps} steps × {features} features); windows must match to be compared.");
            for (int t = 0; t < steps; t++)
                for (int f = 0; f < features; f++)
                    matrix[w, t * features + f] = scaler.Scale(windows[w][t][f], f);
        }
        return matrix;
    }

    /// <summary>PCA of the flattened real windows, applied to the real and synthetic windows.</summary>
    /// <exception cref="SynthException">Fewer than two real windows, or the two sets' shapes differ.</exception>
    public static PcaEmbedding Pca(double[][][] real, double[][][] synthetic, IReadOnlyList<string> featureNames, int components = 2)
    {
        var (r, s) = Scaled(real, synthetic, featureNames);
        if (r.RowCount < 2) throw new SynthException("PCA needs at least two real sequences.");
        components = Math.Min(components, r.ColumnCount);
        var pca = Evaluation.Embeddings.Pca.Fit(r, components);
        var names = Enumerable.Range(0, real[0].Length).SelectMany(t => featureNames.Select(f => $"{f}[t={t}]")).ToArray();
        return new PcaEmbedding(pca.Transform(r).ToRowArrays(), pca.Transform(s).ToRowArrays(), pca.ExplainedVarianceRatio, names);
    }

    /// <summary>One t-SNE map of the flattened real and synthetic windows (real first).</summary>
    public static TSneEmbedding TSne(double[][][] real, double[][][] synthetic, IReadOnlyList<string> featureNames, TSneOptions? options = null,
        CancellationToken cancellation = default)
    {
        var (r, s) = Scaled(real, synthetic, featureNames);
        int n = r.RowCount + s.RowCount, d = r.ColumnCount;
        var data = new double[n * d];
        for (int i = 0; i < r.RowCount; i++) for (int j = 0; j < d; j++) data[i * d + j] = r[i, j];
        for (int i = 0; i < s.RowCount; i++) for (int j = 0; j < d; j++) data[(r.RowCount + i) * d + j] = s[i, j];
        var result = Evaluation.Embeddings.TSne.Embed(data, n, d, options, null, cancellation);
        var source = Enumerable.Repeat(TSneEmbedding.Real, r.RowCount).Concat(Enumerable.Repeat(TSneEmbedding.Synthetic, s.RowCount)).ToArray();
        return new TSneEmbedding(result.Points, source, result.KlDivergence, result.Method);
    }

    private static (Matrix<double> Real, Matrix<double> Synthetic) Scaled(double[][][] real, double[][][] synthetic, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (real.Length == 0) throw new SynthException("There are no real sequences to embed.");
        if (synthetic.Length == 0) throw new SynthException("There are no synthetic sequences to embed.");
        if (real[0].Length != synthetic[0].Length)
            throw new SynthException($"The real sequences have {real[0].Length} steps and the synthetic ones {synthetic[0].Length}; windows must be the same length to be compared.");
        var scaler = MinMaxScaler.Fit(real, featureNames.Count);
        return (Flatten(real, scaler), Flatten(synthetic, scaler));
    }

}
