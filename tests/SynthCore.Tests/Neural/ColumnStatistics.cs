using System.Globalization;
using Microsoft.Data.Analysis;

namespace SynthCore.Tests.Neural;

/// <summary>Column statistics the neural synthesizer tests compare between real and synthetic tables.</summary>
internal static class ColumnStatistics
{
    /// <summary>The column's non-missing values as numbers.</summary>
    public static double[] Numbers(DataFrame table, string column) =>
        table[column].Cast<object?>().Where(v => v is not null).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Share of each non-missing value of a text column.</summary>
    public static Dictionary<string, double> Shares(DataFrame table, string column)
    {
        var values = table[column].Cast<object?>().Where(v => v is not null).Select(v => v!.ToString()!).ToArray();
        return values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count() / (double)values.Length);
    }

    /// <summary>Total variation distance between the category shares of two tables' columns.</summary>
    public static double TotalVariation(DataFrame real, DataFrame synthetic, string column)
    {
        var a = Shares(real, column);
        var b = Shares(synthetic, column);
        return 0.5 * a.Keys.Union(b.Keys).Sum(k => Math.Abs(a.GetValueOrDefault(k) - b.GetValueOrDefault(k)));
    }

    public static double MissingRate(DataFrame table, string column) => table[column].NullCount / (double)table.Rows.Count;

    public static double Mean(double[] x) => x.Average();

    public static double Std(double[] x) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(x);

    public static double Correlation(double[] a, double[] b) => MathNet.Numerics.Statistics.Correlation.Pearson(a, b);

    /// <summary>Two-sample Kolmogorov–Smirnov statistic (largest gap between the empirical CDFs).</summary>
    public static double KolmogorovSmirnov(double[] a, double[] b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return d;
    }

    public static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            FormattableString.Invariant($"{what}: real {expected:F2}, synthetic {actual:F2} (allowed ±{tolerance:P0})"));
}
