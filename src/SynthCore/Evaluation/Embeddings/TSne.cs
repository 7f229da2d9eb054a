using MathNet.Numerics.Distributions;

namespace SynthCore.Evaluation.Embeddings;

/// <summary>The 2-D t-SNE layout of n points and the final Kullback-Leibler divergence KL(P‖Q).</summary>
/// <param name="Points">One (x, y) per input row.</param>
/// <param name="Method">Exact or Barnes-Hut, as chosen.</param>
public sealed record TSneResult(IReadOnlyList<double[]> Points, double KlDivergence, TSneMethod Method);

/// <summary>
/// t-distributed stochastic neighbour embedding into 2-D (van der Maaten and Hinton 2008; Barnes-Hut:
/// van der Maaten 2014). Hand-written because MathNet has none and the project avoids native or Python
/// dependencies: exact gradients for small inputs, and sparse k-NN affinities with a quadtree for large ones,
/// parallel over points. Gradient descent with momentum (0.5, then 0.8) and per-coordinate gains, early
/// exaggeration, from a seeded N(0, 10⁻⁴) start: the same seed gives the same layout.
/// </summary>
public static class TSne
{
    /// <summary>Embeds the <paramref name="rows"/> × <paramref name="columns"/> row-major <paramref name="data"/>.</summary>
    /// <exception cref="SynthOptionException">An option is out of range for this data.</exception>
    public static TSneResult Embed(double[] data, int rows, int columns, TSneOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new TSneOptions();
        int n = rows;
        Validate(data, n, columns, options);
        var method = options.Method == TSneMethod.Auto
            ? n > options.BarnesHutThreshold ? TSneMethod.BarnesHut : TSneMethod.Exact
            : options.Method;
        double learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4, 50);

        double[]? dense = null;
        SparseAffinities? sparse = null;
        if (method == TSneMethod.Exact) dense = TSneAffinities.Dense(data, n, columns, options.Perplexity);
        else sparse = TSneAffinities.Sparse(data, n, columns, options.Perplexity, Math.Min(n - 1, (int)(3 * options.Perplexity)));
        cancellation.ThrowIfCancellationRequested();

        var random = new RandomStreams(options.Seed).Stream("tsne");
        var y = new double[2 * n];
        for (int t = 0; t < y.Length; t++) y[t] = Normal.Sample(random, 0, 1e-2);
        var gradient = new double[2 * n];
        var update = new double[2 * n];
        var gains = Enumerable.Repeat(1.0, 2 * n).ToArray();
        var forces = method == TSneMethod.Exact ? null : new BarnesHutForces(n);

        double z = 0;
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            bool early = iteration < options.ExaggerationIterations;
            double exaggeration = early ? options.EarlyExaggeration : 1;
            double momentum = early ? 0.5 : 0.8;
            z = dense is not null
                ? ExactGradient(dense, y, n, exaggeration, gradient)
                : forces!.Gradient(sparse!, y, n, exaggeration, options.Theta, gradient);
            for (int t = 0; t < y.Length; t++)
            {
                gains[t] = Math.Sign(gradient[t]) != Math.Sign(update[t]) ? gains[t] + 0.2 : gains[t] * 0.8;
                if (gains[t] < 0.01) gains[t] = 0.01;
                update[t] = momentum * update[t] - learningRate * gains[t] * gradient[t];
                y[t] += update[t];
            }
            Centre(y, n);
            progress?.Report(iteration + 1);
            cancellation.ThrowIfCancellationRequested();
        }
        z = dense is not null ? ExactGradient(dense, y, n, 1, gradient) : forces!.Gradient(sparse!, y, n, 1, options.Theta, gradient);
        double kl = dense is not null ? ExactKl(dense, y, n, z) : SparseKl(sparse!, y, z);
        var points = Enumerable.Range(0, n).Select(i => new[] { y[2 * i], y[2 * i + 1] }).ToArray();
        return new TSneResult(points, kl, method);
    }

    private static void Validate(double[] data, int n, int columns, TSneOptions options)
    {
        if (n < 4) throw new SynthException($"t-SNE needs at least 4 rows, got {n}.");
        if (columns < 1 || data.Length != n * columns) throw new ArgumentException($"Expected {n} × {columns} values, got {data.Length}.", nameof(data));
        if (data.Any(v => !double.IsFinite(v))) throw new SynthException("t-SNE input holds a missing or infinite value.");
        if (!(options.Perplexity >= 1) || options.Perplexity >= n)
            throw new SynthOptionException("perplexity", $"must be at least 1 and below the number of rows ({n}), got {options.Perplexity}.");
        if (options.Iterations < 1) throw new SynthOptionException("iterations", $"must be at least 1, got {options.Iterations}.");
        if (options.LearningRate is double rate && !(rate > 0)) throw new SynthOptionException("learning-rate", $"must be above 0, got {rate}.");
        if (!(options.EarlyExaggeration >= 1)) throw new SynthOptionException("early-exaggeration", $"must be at least 1, got {options.EarlyExaggeration}.");
        if (options.ExaggerationIterations < 0) throw new SynthOptionException("exaggeration-iterations", $"must be 0 or more, got {options.ExaggerationIterations}.");
        if (!(options.Theta >= 0 && options.Theta <= 1)) throw new SynthOptionException("theta", $"must be between 0 and 1, got {options.Theta}.");
    }

    private static void Centre(double[] y, int n)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += y[2 * i]; my += y[2 * i + 1]; }
        mx /= n; my /= n;
        for (int i = 0; i < n; i++) { y[2 * i] -= mx; y[2 * i + 1] -= my; }
    }

    // ∂C/∂y_i = 4 Σ_j (e·P_ij − w_ij / Z) w_ij (y_i − y_j), w = 1 / (1 + |y_i − y_j|²), Z = Σ_{k≠l} w_kl. Returns Z.
    internal static double ExactGradient(double[] p, double[] y, int n, double exaggeration, double[] gradient)
    {
        var rowSums = new double[n];
        Parallel.For(0, n, i =>
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                sum += 1 / (1 + dx * dx + dy * dy);
            }
            rowSums[i] = sum;
        });
        double z = rowSums.Sum();
        Parallel.For(0, n, i =>
        {
            double gx = 0, gy = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                double m = (exaggeration * p[i * n + j] - w / z) * w;
                gx += m * dx;
                gy += m * dy;
            }
            gradient[2 * i] = 4 * gx;
            gradient[2 * i + 1] = 4 * gy;
        });
        return z;
    }

    private static double ExactKl(double[] p, double[] y, int n, double z)
    {
        double kl = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double pij = p[i * n + j];
                if (j == i || pij <= 0) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                kl += pij * Math.Log(pij / (1 / (1 + dx * dx + dy * dy) / z));
            }
        return kl;
    }

    // Over the sparse P only (the other pairs have P ≈ 0 and add nothing), with Q from the tree's Z.
    private static double SparseKl(SparseAffinities p, double[] y, double z)
    {
        double kl = 0;
        for (int i = 0; i < p.RowStart.Length - 1; i++)
            for (int t = p.RowStart[i]; t < p.RowStart[i + 1]; t++)
            {
                int j = p.Columns[t];
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                kl += p.Values[t] * Math.Log(p.Values[t] / (1 / (1 + dx * dx + dy * dy) / z));
            }
        return kl;
    }

    /// <summary>The Barnes-Hut gradient: exact attraction over the sparse P, quadtree repulsion.</summary>
    internal sealed class BarnesHutForces(int n)
    {
        private readonly QuadTree tree = new();
        private readonly double[] repulsionX = new double[n], repulsionY = new double[n], sums = new double[n];
        private readonly int[] order = new int[n];

        public double Gradient(SparseAffinities p, double[] y, int count, double exaggeration, double theta, double[] gradient)
        {
            tree.Build(y, count);
            tree.SpatialOrder(order);
            // Each point's sums are kept in its own slots and added up in index order below, so the
            // result does not depend on how the threads share the work.
            Parallel.For(0, count, () => new int[QuadTree.StackSize], (k, _, stack) =>
            {
                int i = order[k];
                sums[i] = tree.Repulsion(y, i, theta, stack, out repulsionX[i], out repulsionY[i]);
                return stack;
            }, _ => { });
            double z = 0;
            for (int i = 0; i < count; i++) z += sums[i];
            Parallel.For(0, count, i =>
            {
                double ax = 0, ay = 0;
                for (int t = p.RowStart[i]; t < p.RowStart[i + 1]; t++)
                {
                    int j = p.Columns[t];
                    double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                    double m = p.Values[t] / (1 + dx * dx + dy * dy);
                    ax += m * dx;
                    ay += m * dy;
                }
                gradient[2 * i] = 4 * (exaggeration * ax - repulsionX[i] / z);
                gradient[2 * i + 1] = 4 * (exaggeration * ay - repulsionY[i] / z);
            });
            return z;
        }
    }
}
