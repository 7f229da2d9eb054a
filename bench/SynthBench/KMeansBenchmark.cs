using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SynthCore.Transforms;

namespace SynthBench;

/// <summary>
/// The k-means that starts the mode-specific normaliser's mixture (<see cref="KMeans1D"/>, one column, k-means++) against
/// ML.NET's <see cref="KMeansTrainer"/> (k-means++ too, one thread) on the same column: a seeded mixture of ten
/// Gaussian modes. Wall time best of <c>repeats</c>, and the within-cluster sum of squares each reaches (lower is better).
/// </summary>
internal static class KMeansBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int rows = options.Int("rows", 100_000);
        int k = options.Int("k", 10);
        int repeats = options.Int("repeats", 3);

        var random = new Random(11);
        var x = new double[rows];
        for (int i = 0; i < rows; i++) x[i] = 10 * (i % 10) + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);

        var ours = Best(repeats, () => KMeans1D.Cluster(x, k, new Random(3)));
        var ml = new MLContext(seed: 3);
        var data = ml.Data.LoadFromEnumerable(x.Select(v => new Point { Features = [(float)v] }));
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 300,
            NumberOfThreads = 1,
        });
        var theirs = Best(repeats, () =>
        {
            var model = trainer.Fit(data);
            return ml.Data.CreateEnumerable<Assignment>(model.Transform(data), reuseRowObject: false).Select(a => (int)a.PredictedLabel - 1).ToArray();
        });

        Console.WriteLine($"k-means of one column: {rows:N0} values, k={k}, best of {repeats}");
        Console.WriteLine($"  KMeans1D (ours)    {ours.Seconds:F3} s  within-cluster SS {WithinSumOfSquares(x, ours.Labels, k):F0}");
        Console.WriteLine($"  ML.NET KMeans      {theirs.Seconds:F3} s  within-cluster SS {WithinSumOfSquares(x, theirs.Labels, k):F0}");
        return 0;
    }

    private static (double Seconds, int[] Labels) Best(int repeats, Func<int[]> cluster)
    {
        double best = double.PositiveInfinity;
        int[] labels = [];
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            labels = cluster();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return (best, labels);
    }

    private static double WithinSumOfSquares(double[] x, int[] labels, int k)
    {
        var sums = new double[k];
        var counts = new int[k];
        for (int i = 0; i < x.Length; i++) { sums[labels[i]] += x[i]; counts[labels[i]]++; }
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double centre = sums[labels[i]] / counts[labels[i]];
            total += (x[i] - centre) * (x[i] - centre);
        }
        return total;
    }

    private sealed class Point
    {
        [VectorType(1)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Assignment
    {
        public uint PredictedLabel { get; set; }
    }
}
