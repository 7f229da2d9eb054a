using MathNet.Numerics.Statistics;
using SynthCore.Data.Sequences;

namespace SynthCore.Evaluation.Sequences;

/// <summary>
/// One feature's marginal statistics and autocorrelations, real next to synthetic: the ACF of the values and that
/// of their step-to-step differences within each sequence. For a trending or integrated series (a random walk) the
/// values' ACF pooled over windows is mostly how far the one real path wandered between windows, not its dynamics;
/// the differences' ACF is the one to compare (docs/time-series.md).
/// </summary>
public sealed record SequenceFeatureComparison(
    string Feature, double RealMean, double SyntheticMean, double RealStd, double SyntheticStd,
    double RealMin, double SyntheticMin, double RealMax, double SyntheticMax,
    double[] RealAcf, double[] SyntheticAcf, double AcfMeanAbsoluteDifference,
    double[] RealDifferenceAcf, double[] SyntheticDifferenceAcf);

/// <summary>
/// Real versus synthetic sequences: per-feature statistics and ACF (lags 1..k, pooled over
/// sequences), the mean absolute difference of the lag-0 cross-correlation matrices, and the mean
/// DTW distance of random synthetic–real pairs next to that of random real–real pairs. DTW alone favours
/// collapsed output (near-constant series sit close to every real one), so the comparison also measures
/// diversity: the mean DTW of random synthetic–synthetic pairs, against the real–real one. The toolkit's figure, the mean
/// correlation of each synthetic series with the real one it resembles (<see cref="SeriesCorrelation"/>), and, when measured,
/// the TimeGAN paper's discriminative and predictive scores (<see cref="Scores"/>) travel with it.
/// </summary>
public sealed record SequenceComparison(
    IReadOnlyList<SequenceFeatureComparison> Features,
    double CrossCorrelationMeanAbsoluteDifference,
    double SyntheticToRealDtw,
    double RealToRealDtw,
    double SyntheticToSyntheticDtw = double.NaN)
{
    /// <summary>Below this <see cref="DiversityRatio"/> the synthetic sequences are called collapsed: they vary less than half as much as real ones.</summary>
    public const double CollapsedBelow = 0.5;

    /// <summary>
    /// The mean Pearson correlation of each synthetic sequence with its nearest real window by DTW (<see cref="SeriesCorrelation"/>):
    /// 1 for copies of real windows, near 0 for shuffled or flat output; NaN when it could not be measured.
    /// </summary>
    public double MeanSeriesCorrelation { get; init; } = double.NaN;

    /// <summary>The discriminative and predictive scores, or null when they were not measured.</summary>
    public SequenceScores? Scores { get; init; }

    /// <summary>The static (per-entity) columns' marginals across sequences and, per category, the features' means; null without static columns.</summary>
    public IReadOnlyList<StaticColumnComparison>? Static { get; init; }

    /// <summary>Synthetic-to-real DTW over real-to-real DTW: about 1 when synthetic sequences are as near to real ones as real ones are to each other.</summary>
    public double DtwRatio => RealToRealDtw > 0 ? SyntheticToRealDtw / RealToRealDtw : double.NaN;

    /// <summary>Synthetic-to-synthetic DTW over real-to-real DTW: about 1 when synthetic sequences differ from each other as much as real ones; near 0 when collapsed.</summary>
    public double DiversityRatio => RealToRealDtw > 0 ? SyntheticToSyntheticDtw / RealToRealDtw : double.NaN;

    /// <summary>The synthetic sequences vary less than half as much as the real ones (a low DTW then means nothing).</summary>
    public bool Collapsed => DiversityRatio < CollapsedBelow;

    /// <summary>Compares sequences given in the same units: [sequence][step][feature].</summary>
    public static SequenceComparison Compare(double[][][] real, double[][][] synthetic, IReadOnlyList<string> featureNames,
        int maxLag = 5, int dtwPairs = 200, int seed = 42)
    {
        int features = featureNames.Count;
        int lags = Math.Min(maxLag, real[0].Length - 1);
        int differenceLags = Math.Max(0, Math.Min(maxLag, real[0].Length - 2));
        var columns = new List<SequenceFeatureComparison>();
        for (int f = 0; f < features; f++)
        {
            var r = real.SelectMany(s => s.Select(step => step[f])).ToArray();
            var g = synthetic.SelectMany(s => s.Select(step => step[f])).ToArray();
            var acfR = Correlations.Acf(real.Select(s => (IReadOnlyList<double>)s.Select(step => step[f]).ToArray()).ToArray(), lags)[1..];
            var acfG = Correlations.Acf(synthetic.Select(s => (IReadOnlyList<double>)s.Select(step => step[f]).ToArray()).ToArray(), lags)[1..];
            columns.Add(new SequenceFeatureComparison(featureNames[f], r.Mean(), g.Mean(), r.PopulationStandardDeviation(), g.PopulationStandardDeviation(),
                r.Min(), g.Min(), r.Max(), g.Max(), acfR, acfG, acfR.Zip(acfG, (a, b) => Math.Abs(a - b)).DefaultIfEmpty(0).Average(),
                DifferenceAcf(real, f, differenceLags), DifferenceAcf(synthetic, f, differenceLags)));
        }

        double cross = 0;
        int pairs = 0;
        for (int a = 0; a < features; a++)
            for (int b = a + 1; b < features; b++, pairs++)
                cross += Math.Abs(Correlations.Cross(real, a, b) - Correlations.Cross(synthetic, a, b));

        var random = new RandomStreams(seed).Stream("comparison");
        double synthDtw = 0, realDtw = 0;
        for (int i = 0; i < dtwPairs; i++)
        {
            synthDtw += Dtw.Distance(synthetic[random.Next(synthetic.Length)], real[random.Next(real.Length)]);
            realDtw += Dtw.Distance(real[random.Next(real.Length)], real[random.Next(real.Length)]);
        }
        // Its own stream, so the pairs above are drawn as before.
        var diversity = new RandomStreams(seed).Stream("diversity");
        double synthSynthDtw = 0;
        for (int i = 0; i < dtwPairs; i++)
            synthSynthDtw += Dtw.Distance(synthetic[diversity.Next(synthetic.Length)], synthetic[diversity.Next(synthetic.Length)]);
        return new SequenceComparison(columns, pairs == 0 ? 0 : cross / pairs, synthDtw / dtwPairs, realDtw / dtwPairs, synthSynthDtw / dtwPairs)
        {
            MeanSeriesCorrelation = SeriesCorrelation.Mean(real, synthetic, seed),
        };
    }

    /// <summary>ACF at lags 1..<paramref name="lags"/> of feature <paramref name="f"/>'s step-to-step differences within each sequence, pooled.</summary>
    private static double[] DifferenceAcf(double[][][] sequences, int f, int lags) =>
        lags == 0 ? [] : Correlations.Acf(sequences.Select(s => (IReadOnlyList<double>)Enumerable.Range(1, s.Length - 1).Select(t => s[t][f] - s[t - 1][f]).ToArray()).ToArray(), lags)[1..];
}

/// <summary>Dynamic time warping distance of two multivariate sequences (Euclidean step cost, no window).</summary>
public static class Dtw
{
    /// <summary>The least total step cost of a monotone alignment of <paramref name="a"/> and <paramref name="b"/> ([step][feature]).</summary>
    public static double Distance(double[][] a, double[][] b)
    {
        // Hand-written: the classic O(n·m) dynamic programme; no library in the project offers DTW.
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        Array.Fill(previous, double.PositiveInfinity);
        previous[0] = 0;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = double.PositiveInfinity;
            for (int j = 1; j <= b.Length; j++)
            {
                double cost = 0;
                for (int f = 0; f < a[i - 1].Length; f++)
                {
                    double d = a[i - 1][f] - b[j - 1][f];
                    cost += d * d;
                }
                current[j] = Math.Sqrt(cost) + Math.Min(previous[j - 1], Math.Min(previous[j], current[j - 1]));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
