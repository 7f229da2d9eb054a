using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Embeddings;

namespace SynthCore.Tests.Evaluation.Embeddings;

public sealed class PcaTests
{
    // Covariance [[3, 2], [2, 3]]: principal axis (1, 1)/√2 with variance 5, then (1, −1)/√2 with variance 1.
    private static Matrix<double> CorrelatedGaussian(int n, int seed)
    {
        var random = new Random(seed);
        var cholesky = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 2 }, { 2, 3 } }).Cholesky().Factor;
        var z = Matrix<double>.Build.Dense(n, 2, (_, _) => Normal.Sample(random, 0, 1));
        return z * cholesky.Transpose() + Matrix<double>.Build.Dense(n, 2, (_, j) => j == 0 ? 10 : -4);
    }

    [Fact]
    public void Recovers_the_principal_axis_and_variances_of_a_correlated_gaussian()
    {
        var pca = Pca.Fit(CorrelatedGaussian(20_000, 7), components: 2);
        var axis = pca.Components.Row(0);
        Assert.True(Math.Abs(axis[0] - 1 / Math.Sqrt(2)) < 0.01 && Math.Abs(axis[1] - 1 / Math.Sqrt(2)) < 0.01, $"axis {axis}");
        Assert.True(Math.Abs(Math.Abs(pca.Components[1, 0]) - 1 / Math.Sqrt(2)) < 0.01);
        Assert.True(pca.Components[1, 0] * pca.Components[1, 1] < 0);
        Assert.Equal(5.0, pca.ExplainedVariance[0], 0.15);
        Assert.Equal(1.0, pca.ExplainedVariance[1], 0.05);
        Assert.Equal(5.0 / 6, pca.ExplainedVarianceRatio[0], 0.01);
        Assert.Equal(1.0 / 6, pca.ExplainedVarianceRatio[1], 0.01);
        Assert.Equal(10.0, pca.Mean[0], 0.1);
        Assert.Equal(-4.0, pca.Mean[1], 0.1);
    }

    [Fact]
    public void Projections_have_the_explained_variances_and_another_table_uses_the_fitted_centre()
    {
        var data = CorrelatedGaussian(500, 3);
        var pca = Pca.Fit(data, components: 2);
        var scores = pca.Transform(data);
        for (int k = 0; k < 2; k++)
        {
            var column = scores.Column(k);
            Assert.Equal(0, column.Average(), 1e-9);
            Assert.Equal(pca.ExplainedVariance[k], column.Sum(x => x * x) / (data.RowCount - 1), 1e-9);
        }
        // A point at the fitted mean projects to the origin, whatever table it comes from.
        var atMean = pca.Transform(Matrix<double>.Build.DenseOfRowVectors(pca.Mean));
        Assert.Equal(0, atMean.L2Norm(), 1e-12);
    }

    [Fact]
    public void Penguins_pca_agrees_with_the_eigendecomposition_of_the_feature_covariance()
    {
        var penguins = BundledData.Read("penguins.csv");
        var metadata = TableMetadata.Detect(penguins);
        var features = TableFeatures.Fit(penguins, metadata);
        var x = features.Transform(penguins, "real");
        int n = x.RowCount, d = x.ColumnCount;

        // Hand check: covariance by its definition, then MathNet's symmetric eigendecomposition.
        var mean = Enumerable.Range(0, d).Select(j => x.Column(j).Average()).ToArray();
        var covariance = Matrix<double>.Build.Dense(d, d, (a, b) =>
            Enumerable.Range(0, n).Sum(i => (x[i, a] - mean[a]) * (x[i, b] - mean[b])) / (n - 1));
        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        double trace = covariance.Trace();

        var pca = Pca.Fit(x, components: 3);
        for (int k = 0; k < 3; k++)
        {
            double eigenvalue = evd.EigenValues[order[k]].Real;
            Assert.Equal(eigenvalue, pca.ExplainedVariance[k], 1e-9);
            Assert.Equal(eigenvalue / trace, pca.ExplainedVarianceRatio[k], 1e-9);
            var eigenvector = evd.EigenVectors.Column(order[k]);
            Assert.Equal(1, Math.Abs(eigenvector.DotProduct(pca.Components.Row(k))), 1e-8);
        }
        Assert.True(pca.ExplainedVarianceRatio[0] > 0.3);
    }

    [Fact]
    public void Features_are_standardised_on_the_real_table_and_one_hot_over_its_categories()
    {
        var penguins = BundledData.Read("penguins.csv");
        var features = TableFeatures.Fit(penguins, TableMetadata.Detect(penguins));
        var x = features.Transform(penguins, "real");
        int mass = features.Names.ToList().IndexOf("Body Mass (g)");
        var present = Enumerable.Range(0, x.RowCount).Where(i => penguins["Body Mass (g)"][i] is not null).Select(i => x[i, mass]).ToArray();
        Assert.Equal(0, present.Average(), 1e-9);
        Assert.Equal(1, Math.Sqrt(present.Sum(v => v * v) / (present.Length - 1)), 1e-9);
        var species = features.Names.Select((name, j) => (name, j)).Where(f => f.name.StartsWith("Species=")).Select(f => f.j).ToArray();
        Assert.Equal(3, species.Length);
        Assert.All(Enumerable.Range(0, x.RowCount), i => Assert.Equal(1, species.Sum(j => x[i, j])));

        // A category the real table lacks is all zeros; scaling stays the real table's.
        var other = new DataFrame(
            new StringDataFrameColumn("Species", ["Emperor"]), new StringDataFrameColumn("Island", ["Biscoe"]),
            new DoubleDataFrameColumn("Beak Length (mm)", [0.0]), new DoubleDataFrameColumn("Beak Depth (mm)", [0.0]),
            new DoubleDataFrameColumn("Flipper Length (mm)", [0.0]), new DoubleDataFrameColumn("Body Mass (g)", [4201.754385964912]),
            new StringDataFrameColumn("Sex", ["female"]));
        var y = features.Transform(other);
        Assert.All(species, j => Assert.Equal(0, y[0, j]));
        Assert.Equal(0, y[0, mass], 1e-9);
    }

    [Fact]
    public void Pca_embedding_is_fitted_on_the_real_table_only()
    {
        var penguins = BundledData.Read("penguins.csv");
        var metadata = TableMetadata.Detect(penguins);
        var shifted = penguins.Clone();
        shifted["Body Mass (g)"] = ((DoubleDataFrameColumn)penguins["Body Mass (g)"]) + 1000.0;
        shifted["Body Mass (g)"].SetName("Body Mass (g)");
        var same = PcaEmbedding.Compute(penguins, penguins, metadata);
        var moved = PcaEmbedding.Compute(penguins, shifted, metadata);
        Assert.Equal(same.ExplainedVarianceRatio, moved.ExplainedVarianceRatio);
        Assert.Equal(same.Real.Select(p => p[0]), moved.Real.Select(p => p[0]));
        Assert.Equal(same.Real.Select(p => p[0]), same.Synthetic.Select(p => p[0]));
        Assert.NotEqual(same.Synthetic.Select(p => p[0]), moved.Synthetic.Select(p => p[0]));
        Assert.Equal(2, same.ExplainedVarianceRatio.Count);
        Assert.True(same.ExplainedVarianceRatio[0] >= same.ExplainedVarianceRatio[1]);
        Assert.Throws<SynthOptionException>(() => PcaEmbedding.Compute(penguins, penguins, metadata, components: 99));
    }
}
