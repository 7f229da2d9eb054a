using SynthCore.Data.Sequences;

namespace SynthCore.Evaluation.Sequences;

/// <summary>
/// The toolkit's time-series figure: the mean Pearson correlation of each synthetic series with the real
/// series it is compared with.
/// </summary>
/// <remarks>
/// The toolkit had one real series and synthetic copies of it on the same time axis, so "the real series at the same
/// position" was the obvious partner. Our models sample windows unconditionally: synthetic sequence i has no real
/// entity or start date, so pairing it with real window i would correlate two unrelated windows and score a perfect
/// generator near 0. So each synthetic series (one feature of one sequence) is paired with the real series of that
/// feature nearest to it by DTW (values min-max scaled by the real range): the real series it most resembles in shape,
/// allowing for small shifts in time; their correlation is then taken step by step. Pairing per feature follows the
/// toolkit's univariate series; pairing on all features at once found partners that matched in none (sines, real
/// against real: 0.22). Any nearest-partner pairing favours the synthetic series a little (a partner is chosen because it
/// is close); DTW's warping keeps that small where a lock-step Euclidean partner does not: on sines (24 steps, 400 real
/// candidates) fresh real series scored 0.59–0.61 and the same series with their steps shuffled 0.12–0.15 with DTW, but
/// 0.92–0.95 against 0.44–0.50 with Euclidean partners. A real series that is constant has no correlation to offer and is
/// not a partner; a synthetic one that is constant counts as 0 (it follows none of the real movement). So copies of real
/// windows score 1, a good generator scores near the real-to-real level (measure it on held-out real windows), and
/// shuffled or flat output scores near 0.
/// The partner is sought among at most <c>maxReal</c> real windows for at most <c>maxSynthetic</c> synthetic sequences
/// (seeded subsets), so the cost is at most features × maxSynthetic × maxReal DTW runs.
/// </remarks>
public static class SeriesCorrelation
{
    /// <summary>The mean correlation over the (sampled) synthetic series, in [−1, 1]; NaN when no real series varies.</summary>
    public static double Mean(double[][][] real, double[][][] synthetic, int seed = 42, int maxSynthetic = 200, int maxReal = 500)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (real.Length == 0 || synthetic.Length == 0) return double.NaN;
        int features = real[0][0].Length;
        var scaler = MinMaxScaler.Fit(real, features);
        var streams = new RandomStreams(seed).Child("series correlation");
        var candidates = Subset(real, maxReal, streams.Stream("real"));
        var sampled = Subset(synthetic, maxSynthetic, streams.Stream("synthetic"));

        double sum = 0;
        int pairs = 0;
        for (int f = 0; f < features; f++)
        {
            // Only real series that vary can be partners; as one-feature steps, the shape Dtw takes.
            var partners = candidates.Select(w => Series(w, f, scaler)).Where(x => Varies(x)).Select(x => (Values: x, Steps: Steps(x))).ToArray();
            if (partners.Length == 0) continue;
            foreach (var sequence in sampled)
            {
                var y = Series(sequence, f, scaler);
                var steps = Steps(y);
                var nearest = partners[0].Values;
                double best = double.PositiveInfinity;
                foreach (var (values, partnerSteps) in partners)
                {
                    double d = Dtw.Distance(steps, partnerSteps);
                    if (d < best) (best, nearest) = (d, values);
                }
                sum += Varies(y) ? Pearson(nearest, y) : 0;
                pairs++;
            }
        }
        return pairs == 0 ? double.NaN : sum / pairs;
    }

    private static double[][][] Subset(double[][][] sequences, int max, Random random)
    {
        if (sequences.Length <= max) return sequences;
        var copy = (double[][][])sequences.Clone();
        random.Shuffle(copy);
        return copy[..max];
    }

    private static double[] Series(double[][] sequence, int feature, MinMaxScaler scaler) =>
        sequence.Select(step => (double)scaler.Scale(step[feature], feature)).ToArray();

    private static double[][] Steps(double[] series) => series.Select(v => new[] { v }).ToArray();

    private static bool Varies(double[] x) => x.Any(v => v != x[0]);

    private static double Pearson(double[] x, double[] y)
    {
        int n = Math.Min(x.Length, y.Length);
        double mx = x.Take(n).Average(), my = y.Take(n).Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }
}
