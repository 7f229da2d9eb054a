using MathNet.Numerics.Statistics;
using SynthCore.Evaluation;

namespace SynthBench;

/// <summary>
/// Where synthetic windows differ from real ones, one number per window and feature: start and
/// end value, mean step, range, roughness (mean |second difference|), turning points, and the
/// correlation of each pair of features within a window. Printed as quantiles with the KS
/// distance between real and synthetic, largest first — a guide to what a real-vs-synthetic
/// classifier can pick up.
/// </summary>
internal static class WindowStatistics
{
    public static void Print(float[][][] real, float[][][] synthetic)
    {
        var names = new[] { "start", "end", "mean step", "range", "roughness", "turning points", "pair correlation" };
        var rows = names.Select(name => (Name: name, Real: Values(real, name), Synthetic: Values(synthetic, name)))
            .Select(r => (r.Name, r.Real, r.Synthetic, Ks: KolmogorovSmirnov.TwoSample(r.Real, r.Synthetic).Statistic))
            .OrderByDescending(r => r.Ks);
        double[] levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
        Console.WriteLine($"per-window statistics (each window x feature; quantiles {string.Join(" ", levels)}):");
        foreach (var (name, r, s, ks) in rows)
        {
            Console.WriteLine($"  {name,-17} KS {ks:F3}");
            Console.WriteLine($"    real      {string.Join(" ", levels.Select(q => $"{Statistics.Quantile(r, q),8:F4}"))}");
            Console.WriteLine($"    synthetic {string.Join(" ", levels.Select(q => $"{Statistics.Quantile(s, q),8:F4}"))}");
        }
    }

    private static double[] Values(float[][][] windows, string statistic)
    {
        int features = windows[0][0].Length;
        var result = new List<double>();
        foreach (var w in windows)
        {
            if (statistic == "pair correlation")
            {
                for (int a = 0; a < features; a++)
                    for (int b = a + 1; b < features; b++)
                    {
                        double c = Correlation.Pearson(w.Select(step => (double)step[a]), w.Select(step => (double)step[b]));
                        result.Add(double.IsNaN(c) ? 0 : c);
                    }
                continue;
            }
            for (int f = 0; f < features; f++)
            {
                var x = w.Select(step => (double)step[f]).ToArray();
                result.Add(statistic switch
                {
                    "start" => x[0],
                    "end" => x[^1],
                    "mean step" => (x[^1] - x[0]) / (x.Length - 1),
                    "range" => x.Max() - x.Min(),
                    "roughness" => Enumerable.Range(1, x.Length - 2).Average(t => Math.Abs(x[t + 1] - 2 * x[t] + x[t - 1])),
                    "turning points" => Enumerable.Range(1, x.Length - 2).Count(t => (x[t] - x[t - 1]) * (x[t + 1] - x[t]) < 0),
                    _ => throw new ArgumentException(statistic),
                });
            }
        }
        return result.ToArray();
    }
}
