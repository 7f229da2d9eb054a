
namespace SynthReports.Charts;

/// <summary>
/// Real against synthetic sequences, one chart per feature: a few real windows (spread over the data) and
/// a few synthetic sequences drawn as lines against the step, real in blue, synthetic in orange.
/// </summary>
public static class SequenceComparisonChart
{
    /// <summary>Sequences of each kind drawn by default.</summary>
    public const int DefaultSequences = 5;

    /// <summary>One chart per feature of <paramref name="featureNames"/> ([sequence][step][feature] for both sets).</summary>
    public static IReadOnlyList<Figure> Build(double[][][] real, double[][][] synthetic, IReadOnlyList<string> featureNames,
        int sequences = DefaultSequences)
    {
        if (sequences < 1) throw new SynthCore.SynthOptionException("sequences", $"must be at least 1, got {sequences}.");
        var realShown = Spread(real, sequences);
        var syntheticShown = Spread(synthetic, sequences);
        return featureNames.Select((feature, f) =>
        {
            var traces = realShown.Select((s, i) => Trace("real", i, EvaluationCharts.RealColor, s.Index, s.Sequence, f))
                .Concat(syntheticShown.Select((s, i) => Trace("synthetic", i, EvaluationCharts.SyntheticColor, s.Index, s.Sequence, f)));
            return ChartParts.Chart(traces, $"Sequences: {feature}", "step", feature, 640, 360);
        }).ToArray();
    }

    /// <summary>Evenly spaced sequences (neighbouring windows of one series overlap, so the first few would look alike).</summary>
    private static (int Index, double[][] Sequence)[] Spread(double[][][] sequences, int count)
    {
        int n = Math.Min(count, sequences.Length);
        return Enumerable.Range(0, n).Select(k => (int)((long)k * sequences.Length / n)).Select(i => (i, sequences[i])).ToArray();
    }

    private static Trace Trace(string source, int shown, string color, int index, double[][] sequence, int feature)
    {
        var trace = ChartParts.Line($"{source} #{index}", color, Enumerable.Range(0, sequence.Length).Select(t => (double)t), sequence.Select(step => step[feature]));
        // One legend entry per source; clicking it hides all of that source's lines.
        trace.Set("legendgroup", source);
        trace.Set("showlegend", shown == 0);
        trace.Set("opacity", 0.7);
        return trace;
    }
}
