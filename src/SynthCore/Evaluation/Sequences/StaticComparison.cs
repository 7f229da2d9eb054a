using SynthCore.Data.Sequences;

namespace SynthCore.Evaluation.Sequences;

/// <summary>One category of a static column: its share of the real and synthetic sequences and each feature's mean within them.</summary>
public sealed record StaticCategoryLevel(string Category, double RealShare, double SyntheticShare, double[] RealFeatureMeans, double[] SyntheticFeatureMeans);

/// <summary>
/// A static column's marginal across sequences, real against synthetic: total-variation distance of the category shares
/// (categorical) or the two-sample KS statistic (numeric); for a categorical column, also each category's feature means,
/// for a numeric one the Pearson correlation of its value with each feature's mean over the sequence (does the static
/// value still shift the series as in the real data?).
/// </summary>
public sealed record StaticColumnComparison(string Column, bool Categorical, string Statistic, double Value,
    double RealMean, double SyntheticMean, IReadOnlyList<StaticCategoryLevel> Categories)
{
    /// <summary>Numeric columns: correlation of the value with each feature's sequence mean, real sequences; empty for categorical ones.</summary>
    public double[] RealFeatureCorrelations { get; init; } = [];

    /// <summary>The same over the synthetic sequences.</summary>
    public double[] SyntheticFeatureCorrelations { get; init; } = [];
}

public static class StaticComparison
{
    /// <param name="real">The real sequences (windows) and each one's static values, as <see cref="SequenceData.WindowStaticValues"/> gives them.</param>
    /// <param name="synthetic">The synthetic sequences and each one's static values, as the model sampled them.</param>
    public static IReadOnlyList<StaticColumnComparison> Compare(StaticFeatures features, double[][][] real, IReadOnlyList<object[]> realStatic,
        double[][][] synthetic, IReadOnlyList<object[]> syntheticStatic)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (real.Length != realStatic.Count || synthetic.Length != syntheticStatic.Count)
            throw new ArgumentException("One static row per sequence expected.");
        var result = new List<StaticColumnComparison>();
        for (int c = 0; c < features.Columns.Count; c++)
        {
            var column = features.Columns[c];
            if (column.IsCategorical)
            {
                var levels = column.Categories.Select(category => Level(category, c, real, realStatic, synthetic, syntheticStatic)).ToArray();
                double tv = 0.5 * levels.Sum(l => Math.Abs(l.RealShare - l.SyntheticShare));
                result.Add(new StaticColumnComparison(column.Name, true, "tv_distance", tv, double.NaN, double.NaN, levels));
            }
            else
            {
                var r = realStatic.Select(v => Convert.ToDouble(v[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var s = syntheticStatic.Select(v => Convert.ToDouble(v[c], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                double ks = r.Length > 0 && s.Length > 0 ? KolmogorovSmirnov.Statistic(r, s) : double.NaN;
                result.Add(new StaticColumnComparison(column.Name, false, "ks", ks,
                    r.Length > 0 ? r.Average() : double.NaN, s.Length > 0 ? s.Average() : double.NaN, [])
                {
                    RealFeatureCorrelations = Correlations(r, real),
                    SyntheticFeatureCorrelations = Correlations(s, synthetic),
                });
            }
        }
        return result;
    }

    /// <summary>Pearson correlation of <paramref name="values"/> with each feature's mean over each sequence (NaN where either is constant).</summary>
    private static double[] Correlations(double[] values, double[][][] sequences)
    {
        int features = sequences.Length > 0 ? sequences[0][0].Length : 0;
        return Enumerable.Range(0, features).Select(f =>
        {
            var means = sequences.Select(q => q.Average(step => step[f])).ToArray();
            return values.Length < 2 ? double.NaN : MathNet.Numerics.Statistics.Correlation.Pearson(values, means);
        }).ToArray();
    }

    private static StaticCategoryLevel Level(string category, int column, double[][][] real, IReadOnlyList<object[]> realStatic,
        double[][][] synthetic, IReadOnlyList<object[]> syntheticStatic)
    {
        var (realShare, realMeans) = Within(category, column, real, realStatic);
        var (syntheticShare, syntheticMeans) = Within(category, column, synthetic, syntheticStatic);
        return new StaticCategoryLevel(category, realShare, syntheticShare, realMeans, syntheticMeans);
    }

    /// <summary>The share of sequences in <paramref name="category"/> and each feature's mean over all their steps (NaN for none).</summary>
    private static (double Share, double[] Means) Within(string category, int column, double[][][] sequences, IReadOnlyList<object[]> statics)
    {
        int features = sequences.Length > 0 ? sequences[0][0].Length : 0;
        var sums = new double[features];
        long steps = 0;
        int count = 0;
        for (int i = 0; i < sequences.Length; i++)
        {
            if (!string.Equals(statics[i][column] as string, category, StringComparison.Ordinal)) continue;
            count++;
            foreach (var step in sequences[i])
            {
                for (int f = 0; f < features; f++) sums[f] += step[f];
                steps++;
            }
        }
        return (sequences.Length == 0 ? double.NaN : count / (double)sequences.Length,
            sums.Select(x => steps == 0 ? double.NaN : x / steps).ToArray());
    }
}
