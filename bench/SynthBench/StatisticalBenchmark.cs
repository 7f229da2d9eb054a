using System.Diagnostics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthBench;

/// <summary>
/// Fit and sample time of a statistical model (kde, gmm, cart, smote) on a seeded 10-column numeric table:
/// three correlated Gaussian clusters, so the models have structure to find. One row count per run
/// keeps the peak resident memory that run's own.
/// </summary>
internal static class StatisticalBenchmark
{
    public static Func<string[], int> For(string model) => args => Run(model, args);

    private static int Run(string model, string[] args)
    {
        var options = new BenchArgs(args);
        int rows = options.Int("rows", 10_000);
        int sample = options.Int("sample", rows);
        int seed = options.Int("seed", 1);

        var clock = Stopwatch.StartNew();
        var table = Table(rows, seed);
        var metadata = new TableMetadata(table.Columns.Select(c => new ColumnMetadata(c.Name, ColumnKind.Continuous, 0, rows, rows)));
        double makeSeconds = clock.Elapsed.TotalSeconds;

        var synthesizer = SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Seed = 42 });
        clock.Restart();
        var fitted = synthesizer.Fit(table, metadata);
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var synthetic = fitted.Sample(sample, seed: 7);
        double sampleSeconds = clock.Elapsed.TotalSeconds;
        if (synthetic.Rows.Count != sample) throw new InvalidOperationException("wrong row count");

        Console.WriteLine($"model={model} rows={rows} columns=10 sample={sample} make={makeSeconds:F2}s fit={fitSeconds:F2}s sample={sampleSeconds:F2}s peak_rss={PeakMemory.Megabytes():F0}MB");
        if (fitted is SynthCore.Synthesizers.Statistical.FittedGmm gmm) Console.WriteLine($"  components={gmm.Mixture.Components}");
        if (fitted is SynthCore.Synthesizers.Statistical.FittedCart cart)
            Console.WriteLine($"  leaves per tree={string.Join(",", cart.Leaves.Skip(1))} depth={string.Join(",", cart.Trees.Skip(1).Select(t => t!.Depth))}");
        return 0;
    }

    /// <summary>Rows from three Gaussian clusters in 10 dimensions, each with its own correlations (x_j = mean + Σ loadings × shared factors + noise).</summary>
    public static DataFrame Table(int rows, int seed)
    {
        var random = new Random(seed);
        const int d = 10;
        var centres = new double[3][];
        var loadings = new double[3][,];
        for (int c = 0; c < 3; c++)
        {
            centres[c] = Enumerable.Range(0, d).Select(_ => 10 * random.NextDouble()).ToArray();
            loadings[c] = new double[d, 2];
            for (int j = 0; j < d; j++) for (int f = 0; f < 2; f++) loadings[c][j, f] = random.NextDouble() * 2 - 1;
        }
        var columns = Enumerable.Range(0, d).Select(_ => new double[rows]).ToArray();
        for (int r = 0; r < rows; r++)
        {
            int c = random.NextDouble() < 0.5 ? 0 : random.NextDouble() < 0.6 ? 1 : 2;
            double f0 = Gaussian(random), f1 = Gaussian(random);
            for (int j = 0; j < d; j++)
                columns[j][r] = Math.Round(centres[c][j] + loadings[c][j, 0] * f0 + loadings[c][j, 1] * f1 + 0.3 * Gaussian(random), 4);
        }
        return new DataFrame(columns.Select((v, j) => (DataFrameColumn)new DoubleDataFrameColumn($"x{j}", v)));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
