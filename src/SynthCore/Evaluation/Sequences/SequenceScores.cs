using SynthCore.Data.Sequences;

namespace SynthCore.Evaluation.Sequences;

/// <summary>
/// The TimeGAN paper's two network scores of one synthetic set, with the iterations their networks trained for
/// (fewer than the reference's 2,000 and 5,000 give noisier scores, so the figure travels with its budget).
/// </summary>
public sealed record SequenceScores(DiscriminativeScore Discriminative, PredictiveScore Predictive, int DiscriminativeIterations, int PredictiveIterations)
{
    /// <summary>The reference code's classifier iterations.</summary>
    public const int ReferenceDiscriminativeIterations = 2000;

    /// <summary>The reference code's predictor iterations.</summary>
    public const int ReferencePredictiveIterations = 5000;

    /// <summary>Whether there are enough sequences to score: at least 2 of each (one to train on, one to test) of at least 2 steps.</summary>
    public static bool CanMeasure(double[][][] real, double[][][] synthetic) =>
        real.Length >= 2 && synthetic.Length >= 2 && real[0].Length >= 2;

    /// <summary>
    /// Both scores on sequences in the data's units ([sequence][step][feature]), min-max scaled by the real windows' range
    /// first (as the authors' code scores its Stocks set), so MAEs are in shares of each feature's real range.
    /// <paramref name="iterations"/> trains both networks that long; null keeps the reference's 2,000 and 5,000.
    /// </summary>
    public static SequenceScores Measure(double[][][] real, double[][][] synthetic, int? iterations = null, int seed = 42,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        if (!CanMeasure(real, synthetic)) throw new SynthException("The scores need at least 2 real and 2 synthetic sequences of at least 2 steps.");
        var scaler = MinMaxScaler.Fit(real, real[0][0].Length);
        var r = scaler.Scale(real);
        var s = scaler.Scale(synthetic);
        var options = new SequenceMetricOptions { Seed = seed, Iterations = iterations, Cancellation = cancellation };
        var discriminative = SequenceMetrics.Discriminative(r, s, options);
        var predictive = SequenceMetrics.Predictive(r, s, options);
        return new SequenceScores(discriminative, predictive,
            iterations ?? ReferenceDiscriminativeIterations, iterations ?? ReferencePredictiveIterations);
    }
}
