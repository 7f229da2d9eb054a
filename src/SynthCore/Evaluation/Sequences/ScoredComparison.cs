namespace SynthCore.Evaluation.Sequences;

/// <summary>
/// The sequence comparison <c>run</c> and <c>evaluate</c> show: statistics, autocorrelation, DTW, diversity and the mean
/// series correlation, plus the TimeGAN paper's discriminative and predictive scores unless the iterations are 0.
/// </summary>
public static class ScoredComparison
{
    /// <param name="seed">Seeds the GRU scores.</param>
    /// <param name="iterations">GRU training iterations of the scores; 0 skips them, null: the paper's.</param>
    /// <param name="scoring">Told, before the scores are measured, whether they can be (at least 2 real and 2 synthetic sequences); not called with 0 iterations.</param>
    /// <param name="comparisonSeed">Seeds the comparison's own draws (DTW pairs, diversity).</param>
    public static SequenceComparison Compare(double[][][] real, double[][][] synthetic, IReadOnlyList<string> features, int seed, int? iterations,
        Action<bool>? scoring = null, CancellationToken cancellation = default, int comparisonSeed = 42)
    {
        var comparison = SequenceComparison.Compare(real, synthetic, features, seed: comparisonSeed);
        cancellation.ThrowIfCancellationRequested();
        if (iterations == 0) return comparison;
        bool measurable = SequenceScores.CanMeasure(real, synthetic);
        scoring?.Invoke(measurable);
        if (!measurable) return comparison;
        var scores = SequenceScores.Measure(real, synthetic, iterations, seed, cancellation);
        cancellation.ThrowIfCancellationRequested();
        return comparison with { Scores = scores };
    }
}
