using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Distributions;
using SynthCore.Evaluation.Embeddings;

namespace SynthBench;

/// <summary>
/// Barnes-Hut t-SNE on seeded generated data (default 10,000 × 20: ten Gaussian clusters): wall time of the
/// whole embedding and of the affinities alone, the final KL divergence, and how well clusters stay together
/// (share of a point's 10 nearest neighbours in the map from its own cluster, on 1,000 sampled points).
/// CPU seconds are printed beside wall seconds because the benchmark machine is shared.
/// </summary>
internal static class TSneBench
{
    public static int Run(string[] args)
    {
        int rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int dims = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        int iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        const int clusters = 10;

        var random = new Random(2024);
        var centres = Enumerable.Range(0, clusters).Select(_ => Enumerable.Range(0, dims).Select(_ => Normal.Sample(random, 0, 4)).ToArray()).ToArray();
        var data = new double[rows * dims];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = i % clusters;
            for (int c = 0; c < dims; c++) data[i * dims + c] = centres[labels[i]][c] + Normal.Sample(random, 0, 1);
        }

        var options = new TSneOptions { Iterations = iterations, Seed = 7, Method = TSneMethod.BarnesHut };
        Console.WriteLine($"t-SNE Barnes-Hut: {rows:N0} x {dims}, perplexity {options.Perplexity}, {iterations} iterations, theta {options.Theta}, {Environment.ProcessorCount} cores");

        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        TSneAffinitiesProbe(data, rows, dims, options.Perplexity);
        double affinitySeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double affinityCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

        clock.Restart();
        cpu = process.TotalProcessorTime;
        var result = TSne.Embed(data, rows, dims, options);
        double totalSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double totalCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

        double purity = Purity(result.Points, labels, random);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"affinities (k-NN + perplexity search) alone: {affinitySeconds:0.00} s wall, {affinityCpu:0.00} s CPU\nwhole embedding: {totalSeconds:0.00} s wall, {totalCpu:0.00} s CPU ({(totalSeconds - affinitySeconds) / iterations * 1000:0.0} ms wall, {(totalCpu - affinityCpu) / iterations * 1000:0.0} ms CPU per iteration)\nKL divergence: {result.KlDivergence:0.000}\n10-NN cluster purity (1,000 sampled points): {purity:0.000}\npeak resident set: {PeakMemory.Megabytes():0} MB"));
        return 0;
    }

    // The affinity step on its own, timed through the public API: one iteration costs almost nothing next to it.
    private static void TSneAffinitiesProbe(double[] data, int rows, int dims, double perplexity) =>
        TSne.Embed(data, rows, dims, new TSneOptions { Iterations = 1, ExaggerationIterations = 1, Perplexity = perplexity, Method = TSneMethod.BarnesHut });

    private static double Purity(IReadOnlyList<double[]> points, int[] labels, Random random)
    {
        double same = 0;
        const int samples = 1000, k = 10;
        for (int s = 0; s < samples; s++)
        {
            int i = random.Next(points.Count);
            same += Enumerable.Range(0, points.Count).Where(j => j != i)
                .OrderBy(j => Math.Pow(points[i][0] - points[j][0], 2) + Math.Pow(points[i][1] - points[j][1], 2))
                .Take(k).Count(j => labels[j] == labels[i]);
        }
        return same / (samples * k);
    }
}
