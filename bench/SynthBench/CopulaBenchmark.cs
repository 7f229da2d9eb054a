using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthBench;

/// <summary>
/// Gaussian copula fit and sample time and peak memory on a generated numeric table (seeded): columns
/// mix normal, log-normal, exponential, uniform and integer-count marginals driven by two shared
/// factors, so the correlation matrix is dense. Run one row count per process for a clean peak.
/// </summary>
internal static class CopulaBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        int[] rowCounts = a.Ints("rows", 10_000, 100_000, 1_000_000);
        int[] columnCounts = a.Ints("columns", 10);
        string model = a.Text("model", "copula");
        string marginals = a.Text("marginals", "empirical");
        Console.WriteLine($"model={model} marginals={marginals} processors={Environment.ProcessorCount}");
        Console.WriteLine("rows      columns  generate_s  fit_s   sample_s  peak_MB");
        foreach (int columns in columnCounts)
            foreach (int rows in rowCounts)
            {
                var clock = Stopwatch.StartNew();
                var (table, metadata) = Generate(rows, columns, seed: 17);
                double generate = clock.Elapsed.TotalSeconds;
                var extra = model == "copula" ? new Dictionary<string, string> { ["marginals"] = marginals } : new Dictionary<string, string>();
                var synthesizer = SynthesizerRegistry.Default.Create(model, new SynthesizerSettings { Seed = 1, Extra = extra });
                clock.Restart();
                var fitted = synthesizer.Fit(table, metadata);
                double fit = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var sample = fitted.Sample(rows, seed: 2);
                double sampleSeconds = clock.Elapsed.TotalSeconds;
                if (sample.Rows.Count != rows) throw new InvalidOperationException("wrong row count");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows,-9} {columns,-8} {generate,-11:F2} {fit,-7:F2} {sampleSeconds,-9:F2} {PeakMemory.Megabytes(),-8:F0}"));
            }
        return 0;
    }

    public static (DataFrame, TableMetadata) Generate(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var f1 = new double[rows];
        var f2 = new double[rows];
        for (int r = 0; r < rows; r++) { f1[r] = Gaussian(random); f2[r] = Gaussian(random); }
        var frameColumns = new List<DataFrameColumn>();
        var meta = new List<ColumnMetadata>();
        for (int c = 0; c < columns; c++)
        {
            string name = $"x{c}";
            double w1 = 0.8 * Math.Cos(c), w2 = 0.5 * Math.Sin(c), noise = Math.Sqrt(Math.Max(0.1, 1 - w1 * w1 - w2 * w2));
            var column = new DoubleDataFrameColumn(name, rows);
            bool integer = c % 5 == 4;
            for (int r = 0; r < rows; r++)
            {
                double z = w1 * f1[r] + w2 * f2[r] + noise * Gaussian(random);
                column[r] = (c % 5) switch
                {
                    0 => 50 + 10 * z,
                    1 => Math.Exp(0.5 * z),
                    2 => -Math.Log(1 - Cdf(z)) * 3,
                    3 => Cdf(z) * 100,
                    _ => Math.Floor(Math.Exp(1 + 0.6 * z)),
                };
            }
            frameColumns.Add(column);
            meta.Add(new ColumnMetadata(name, integer ? ColumnKind.Integer : ColumnKind.Continuous, 0, rows, rows));
        }
        return (new DataFrame(frameColumns), new TableMetadata(meta));
    }

    private static double Cdf(double z) => Math.Clamp(0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2)), 1e-12, 1 - 1e-12);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
