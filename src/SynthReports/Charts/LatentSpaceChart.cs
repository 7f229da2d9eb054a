using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Synthesizers;

namespace SynthReports.Charts;

/// <summary>
/// A VAE's (tvae or vae) latent space: the encoder's latent means of the real rows and of the synthetic rows.
/// With more than two latent dimensions both are put on the real codes' first two principal components.
/// Synthetic rows the encoder maps where no real row lies are rows the model invented.
/// </summary>
public static class LatentSpaceChart
{
    /// <summary>The latent points (real, synthetic) in 2-D and the axis titles.</summary>
    public sealed record LatentPoints(double[][] Real, double[][] Synthetic, string XAxis, string YAxis, string Method);

    /// <summary>Encodes both tables with <paramref name="model"/> and reduces the codes to two dimensions.</summary>
    /// <exception cref="SynthCore.SynthException">A table the model cannot encode (other columns, unseen categories).</exception>
    public static LatentPoints Points(ILatentSpace model, DataFrame real, DataFrame synthetic)
    {
        var r = Matrix<double>.Build.DenseOfArray(ToDouble(model.Encode(real)));
        var s = Matrix<double>.Build.DenseOfArray(ToDouble(model.Encode(synthetic)));
        if (model.LatentDim <= 2)
            return model.LatentDim == 2
                ? new LatentPoints(r.ToRowArrays(), s.ToRowArrays(), "z1", "z2", "latent means")
                : new LatentPoints(Indexed(r), Indexed(s), "z1", "row", "latent means");
        if (r.RowCount < 2) throw new SynthCore.SynthException("The latent plot needs at least two real rows.");
        var pca = Pca.Fit(r, 2);
        string Axis(int k) => $"latent PC{k + 1} ({100 * pca.ExplainedVarianceRatio[k]:0.0}% of the real codes' variance)";
        return new LatentPoints(pca.Transform(r).ToRowArrays(), pca.Transform(s).ToRowArrays(), Axis(0), Axis(1),
            $"latent means ({model.LatentDim} dimensions) on the real codes' principal components");
    }

    public static Figure Build(ILatentSpace model, string modelName, DataFrame real, DataFrame synthetic) => Build(Points(model, real, synthetic), modelName);

    public static Figure Build(LatentPoints points, string modelName)
    {
        var traces = new[] { Scatter("real", EvaluationCharts.RealColor, points.Real), Scatter("synthetic", EvaluationCharts.SyntheticColor, points.Synthetic) };
        return ChartParts.Chart(traces, $"Latent space of the {modelName} encoder: {points.Method}", points.XAxis, points.YAxis, 640, 480);
    }

    private static Trace Scatter(string name, string color, double[][] points)
    {
        var (shown, step) = ChartParts.Thin(points, EvaluationCharts.MaxScatterPoints);
        return ChartParts.Markers(step > 1 ? $"{name} (every {step}th row)" : name, color, shown.Select(p => p[0]), shown.Select(p => p[1]));
    }

    private static double[,] ToDouble(float[,] codes)
    {
        var result = new double[codes.GetLength(0), codes.GetLength(1)];
        for (int i = 0; i < codes.GetLength(0); i++) for (int j = 0; j < codes.GetLength(1); j++) result[i, j] = codes[i, j];
        return result;
    }


    private static double[][] Indexed(Matrix<double> m) => Enumerable.Range(0, m.RowCount).Select(i => new[] { m[i, 0], i }).ToArray();
}
