using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;

namespace SynthCore.Tests.Statistical;

/// <summary>Statistical comparisons of a sample with the real table, shared by the statistical model tests.</summary>
internal static class SampleChecks
{
    public static double[] Numbers(DataFrame table, string column) => ColumnValues.Numbers(table.Columns[column]);

    public static double Ks(DataFrame real, DataFrame synthetic, string column) =>
        KolmogorovSmirnov.Statistic(Numbers(real, column), Numbers(synthetic, column));

    /// <summary>Total variation distance between the category frequencies (missing excluded).</summary>
    public static double Tv(DataFrame real, DataFrame synthetic, string column)
    {
        var a = Frequencies(real, column);
        var b = Frequencies(synthetic, column);
        return 0.5 * a.Keys.Union(b.Keys).Sum(k => Math.Abs(a.GetValueOrDefault(k) - b.GetValueOrDefault(k)));
    }

    public static Dictionary<string, double> Frequencies(DataFrame table, string column)
    {
        var labels = ColumnValues.Labels(table.Columns[column]).Where(l => l is not null).ToArray();
        return labels.GroupBy(l => l!).ToDictionary(g => g.Key, g => (double)g.Count() / labels.Length);
    }

    public static double MissingRate(DataFrame table, string column)
    {
        var c = table.Columns[column];
        long missing = 0;
        for (long r = 0; r < c.Length; r++) if (c[r] is null || c[r] is double.NaN) missing++;
        return (double)missing / c.Length;
    }

    /// <summary>Pearson correlation over rows where both columns have values.</summary>
    public static double Correlation(DataFrame table, string x, string y, bool spearman = false)
    {
        var a = ColumnValues.AlignedNumbers(table.Columns[x]);
        var b = ColumnValues.AlignedNumbers(table.Columns[y]);
        var pairs = a.Zip(b).Where(p => p.First.HasValue && p.Second.HasValue).Select(p => (p.First!.Value, p.Second!.Value)).ToArray();
        return spearman
            ? MathNet.Numerics.Statistics.Correlation.Spearman(pairs.Select(p => p.Item1), pairs.Select(p => p.Item2))
            : MathNet.Numerics.Statistics.Correlation.Pearson(pairs.Select(p => p.Item1), pairs.Select(p => p.Item2));
    }

    /// <summary>
    /// Van der Waerden (normal-score) correlation: Pearson correlation of Φ⁻¹((average rank − ½)/n).
    /// It is the quantity a Gaussian copula estimates and reproduces.
    /// </summary>
    public static double NormalScoreCorrelation(DataFrame table, string x, string y)
    {
        var a = ColumnValues.AlignedNumbers(table.Columns[x]);
        var b = ColumnValues.AlignedNumbers(table.Columns[y]);
        var pairs = a.Zip(b).Where(p => p.First.HasValue && p.Second.HasValue).Select(p => (p.First!.Value, p.Second!.Value)).ToArray();
        double[] Scores(double[] v)
        {
            var ranks = MathNet.Numerics.Statistics.Statistics.Ranks(v);
            return ranks.Select(r => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (r - 0.5) / v.Length)).ToArray();
        }
        return MathNet.Numerics.Statistics.Correlation.Pearson(Scores(pairs.Select(p => p.Item1).ToArray()), Scores(pairs.Select(p => p.Item2).ToArray()));
    }

    public static double MaxNormalScoreCorrelationDifference(DataFrame real, DataFrame synthetic, IReadOnlyList<string> columns)
    {
        double worst = 0;
        for (int i = 0; i < columns.Count; i++)
            for (int j = i + 1; j < columns.Count; j++)
                worst = Math.Max(worst, Math.Abs(NormalScoreCorrelation(real, columns[i], columns[j]) - NormalScoreCorrelation(synthetic, columns[i], columns[j])));
        return worst;
    }

    /// <summary>The largest absolute difference between the real and synthetic correlation of any pair of the columns.</summary>
    public static double MaxCorrelationDifference(DataFrame real, DataFrame synthetic, IReadOnlyList<string> columns, bool spearman = false)
    {
        double worst = 0;
        for (int i = 0; i < columns.Count; i++)
            for (int j = i + 1; j < columns.Count; j++)
                worst = Math.Max(worst, Math.Abs(Correlation(real, columns[i], columns[j], spearman) - Correlation(synthetic, columns[i], columns[j], spearman)));
        return worst;
    }

    public static void AssertIntegral(DataFrame table, string column)
    {
        foreach (var x in Numbers(table, column)) Assert.True(x == Math.Round(x), $"{column}: {x} is not whole");
    }

    public static void AssertNoNaN(DataFrame table)
    {
        foreach (var column in table.Columns)
            for (long r = 0; r < column.Length; r++)
                Assert.False(column[r] is double d && !double.IsFinite(d), $"{column.Name} row {r} is {column[r]}");
    }

    public static void AssertSameRows(DataFrame a, DataFrame b)
    {
        Assert.Equal(a.Rows.Count, b.Rows.Count);
        for (int c = 0; c < a.Columns.Count; c++)
            for (long r = 0; r < a.Rows.Count; r++)
                Assert.Equal(a.Columns[c][r], b.Columns[c][r]);
    }
}
