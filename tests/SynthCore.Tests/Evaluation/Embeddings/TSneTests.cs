using MathNet.Numerics.Distributions;
using SynthCore.Data;
using SynthCore.Evaluation.Embeddings;

namespace SynthCore.Tests.Evaluation.Embeddings;

public sealed class TSneTests
{
    private const int Dimensions = 6;

    // Three Gaussian clusters (σ = 1) with centres 15 apart in 6-D; labels 0, 1, 2.
    private static (double[] Data, int[] Labels) Clusters(int perCluster, int seed)
    {
        var random = new Random(seed);
        int n = 3 * perCluster;
        var data = new double[n * Dimensions];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            for (int c = 0; c < Dimensions; c++)
                data[i * Dimensions + c] = (c == labels[i] ? 15 : 0) + Normal.Sample(random, 0, 1);
        }
        return (data, labels);
    }

    // Share of each point's k nearest neighbours in the embedding that carry its label.
    private static double NeighbourPurity(IReadOnlyList<double[]> points, int[] labels, int k = 10)
    {
        double same = 0;
        for (int i = 0; i < points.Count; i++)
        {
            var nearest = Enumerable.Range(0, points.Count).Where(j => j != i)
                .OrderBy(j => Math.Pow(points[i][0] - points[j][0], 2) + Math.Pow(points[i][1] - points[j][1], 2))
                .Take(k);
            same += nearest.Count(j => labels[j] == labels[i]);
        }
        return same / (points.Count * k);
    }

    [Fact]
    public void Exact_tsne_separates_three_clusters()
    {
        var (data, labels) = Clusters(60, 1);
        var result = TSne.Embed(data, labels.Length, Dimensions, new TSneOptions { Perplexity = 20, Iterations = 400, Seed = 3 });
        Assert.Equal(TSneMethod.Exact, result.Method);
        Assert.True(NeighbourPurity(result.Points, labels) > 0.95);
        Assert.True(result.KlDivergence is > 0 and < 2, $"KL {result.KlDivergence}");
    }

    [Fact]
    public void Barnes_hut_separates_the_same_clusters()
    {
        var (data, labels) = Clusters(100, 1);
        var result = TSne.Embed(data, labels.Length, Dimensions,
            new TSneOptions { Perplexity = 20, Iterations = 400, Seed = 3, Method = TSneMethod.BarnesHut });
        Assert.Equal(TSneMethod.BarnesHut, result.Method);
        Assert.True(NeighbourPurity(result.Points, labels) > 0.95);

        // Exact and Barnes-Hut agree on the structure: the same three groups, far apart relative to their size.
        var exact = TSne.Embed(data, labels.Length, Dimensions, new TSneOptions { Perplexity = 20, Iterations = 400, Seed = 3, Method = TSneMethod.Exact });
        foreach (var points in new[] { exact.Points, result.Points })
            Assert.True(SeparationRatio(points, labels) > 3, $"separation {SeparationRatio(points, labels)}");
    }

    // Smallest distance between cluster centres over the largest mean distance of a point to its cluster centre.
    private static double SeparationRatio(IReadOnlyList<double[]> points, int[] labels)
    {
        var centres = Enumerable.Range(0, 3).Select(c =>
        {
            var members = points.Where((_, i) => labels[i] == c).ToArray();
            return new[] { members.Average(p => p[0]), members.Average(p => p[1]) };
        }).ToArray();
        double Distance(double[] a, double[] b) => Math.Sqrt(Math.Pow(a[0] - b[0], 2) + Math.Pow(a[1] - b[1], 2));
        double spread = Enumerable.Range(0, 3).Max(c => points.Where((_, i) => labels[i] == c).Average(p => Distance(p, centres[c])));
        double gap = new[] { (0, 1), (0, 2), (1, 2) }.Min(pair => Distance(centres[pair.Item1], centres[pair.Item2]));
        return gap / spread;
    }

    [Fact]
    public void Same_seed_same_layout_other_seed_other_layout()
    {
        var (data, labels) = Clusters(30, 2);
        foreach (var method in new[] { TSneMethod.Exact, TSneMethod.BarnesHut })
        {
            var options = new TSneOptions { Perplexity = 10, Iterations = 150, Seed = 5, Method = method };
            var a = TSne.Embed(data, labels.Length, Dimensions, options);
            var b = TSne.Embed(data, labels.Length, Dimensions, options);
            var c = TSne.Embed(data, labels.Length, Dimensions, options with { Seed = 6 });
            Assert.Equal(a.Points.SelectMany(p => p), b.Points.SelectMany(p => p));
            Assert.NotEqual(a.Points.SelectMany(p => p), c.Points.SelectMany(p => p));
        }
    }

    [Fact]
    public void Barnes_hut_gradient_with_theta_zero_is_the_exact_gradient()
    {
        // With k = n − 1 neighbours the sparse affinities are the dense ones, and theta = 0 opens every cell.
        var (data, _) = Clusters(20, 4);
        int n = 60;
        var dense = TSneAffinities.Dense(data, n, Dimensions, 15);
        var sparse = TSneAffinities.Sparse(data, n, Dimensions, 15, n - 1);
        for (int i = 0; i < n; i++)
            for (int t = sparse.RowStart[i]; t < sparse.RowStart[i + 1]; t++)
                Assert.Equal(dense[i * n + sparse.Columns[t]], sparse.Values[t], 1e-15);
        Assert.Equal(1.0, sparse.Values.Sum(), 1e-12);

        var random = new Random(9);
        var y = Enumerable.Range(0, 2 * n).Select(_ => Normal.Sample(random, 0, 3)).ToArray();
        y[2] = y[0]; y[3] = y[1]; // two points at the same place share a leaf
        var exact = new double[2 * n];
        var approximate = new double[2 * n];
        double zExact = TSne.ExactGradient(dense, y, n, 1, exact);
        double zTree = new TSne.BarnesHutForces(n).Gradient(sparse, y, n, 1, 0, approximate);
        Assert.Equal(zExact, zTree, 1e-9 * zExact);
        for (int t = 0; t < 2 * n; t++) Assert.Equal(exact[t], approximate[t], 1e-12);

        // theta = 0.5 approximates it closely.
        double zHalf = new TSne.BarnesHutForces(n).Gradient(sparse, y, n, 1, 0.5, approximate);
        Assert.Equal(zExact, zHalf, 0.02 * zExact);
        double error = Math.Sqrt(exact.Zip(approximate, (a, b) => (a - b) * (a - b)).Sum());
        double norm = Math.Sqrt(exact.Sum(a => a * a));
        Assert.True(error < 0.05 * norm, $"relative error {error / norm}");
    }

    [Fact]
    public void Conditional_affinities_have_the_requested_perplexity()
    {
        var random = new Random(1);
        var distances = Enumerable.Range(0, 200).Select(_ => 10 * random.NextDouble()).ToArray();
        var p = new double[distances.Length];
        TSneAffinities.Conditional(distances, 25, p);
        double entropy = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(Math.Log(25), entropy, 1e-4);
        Assert.Equal(1, p.Sum(), 1e-12);
        // Nearer points get more weight.
        int nearest = Array.IndexOf(distances, distances.Min()), farthest = Array.IndexOf(distances, distances.Max());
        Assert.True(p[nearest] > p[farthest]);
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        var (data, labels) = Clusters(5, 1);
        var error = Assert.Throws<SynthOptionException>(() => TSne.Embed(data, labels.Length, Dimensions, new TSneOptions { Perplexity = 15 }));
        Assert.Equal("perplexity", error.Option);
        Assert.Equal("theta", Assert.Throws<SynthOptionException>(() => TSne.Embed(data, labels.Length, Dimensions, new TSneOptions { Perplexity = 3, Theta = 2 })).Option);
    }

    [Fact]
    public void Tables_are_embedded_together_with_their_source()
    {
        var penguins = BundledData.Read("penguins.csv");
        var metadata = TableMetadata.Detect(penguins);
        var half = penguins.Head(100);
        var embedding = TSneEmbedding.Compute(penguins, half, metadata, new TSneOptions { Iterations = 250 });
        Assert.Equal(444, embedding.Points.Count);
        Assert.Equal(344, embedding.Source.Count(s => s == TSneEmbedding.Real));
        Assert.Equal(100, embedding.Source.Skip(344).Count(s => s == TSneEmbedding.Synthetic));
        // The synthetic rows are copies of real ones, so each lands next to its twin.
        double typical = embedding.Points.Take(344).Average(p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]));
        for (int i = 0; i < 100; i++)
        {
            var real = embedding.Points[i];
            var copy = embedding.Points[344 + i];
            Assert.True(Math.Sqrt(Math.Pow(real[0] - copy[0], 2) + Math.Pow(real[1] - copy[1], 2)) < 0.2 * typical);
        }
    }
}
