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
    /// <summary>The per-feature statistics, each of one feature's values over a window.</summary>
    private static readonly (string Name, Func<double[], double> Of)[] PerFeature =
    [
        ("start", x => x[0]),
        ("end", x => x[^1]),
        ("mean step", x => (x[^1] - x[0]) / (x.Length - 1)),
        ("range", x => x.Max() - x.Min()),
        ("roughness", x => Enumerable.Range(1, x.Length - 2).Average(t => Math.Abs(x[t + 1] - 2 * x[t] + x[t - 1]))),
        ("turning points", x => Enumerable.Range(1, x.Length - 2).Count(t => (x[t] - x[t - 1]) * (x[t + 1] - x[t]) < 0)),
    ];

    public static void Print(float[][][] real, float[][][] synthetic)
    {
        var rows = PerFeature.Select(p => (Name: p.Name, Real: Values(real, p.Of), Synthetic: Values(synthetic, p.Of)))
            .Append((Name: "pair correlation", Real: PairCorrelations(real), Synthetic: PairCorrelations(synthetic)))
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

    private static double[] Values(float[][][] windows, Func<double[], double> statistic) =>
        windows.SelectMany(w => Enumerable.Range(0, w[0].Length).Select(f => statistic(Column(w, f)))).ToArray();

    /// <summary>The correlation of each pair of features within each window (0 where one is constant).</summary>
    private static double[] PairCorrelations(float[][][] windows) =>
        windows.SelectMany(w => Enumerable.Range(0, w[0].Length).SelectMany(a => Enumerable.Range(a + 1, w[0].Length - a - 1).Select(b =>
            Correlation.Pearson(Column(w, a), Column(w, b)) is var c && double.IsNaN(c) ? 0 : c))).ToArray();

    private static double[] Column(float[][] window, int feature) => window.Select(step => (double)step[feature]).ToArray();
}
