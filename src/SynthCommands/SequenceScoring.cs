using System.Globalization;
using SynthCore;
using SynthCore.Evaluation.Sequences;

namespace SynthCommands;

/// <summary>
/// The sequence comparison <c>run</c> and <c>evaluate</c> show: statistics, autocorrelation, DTW, diversity and the
/// mean series correlation, plus the TimeGAN paper's discriminative and predictive scores unless --score-iterations is 0.
/// </summary>
internal static class SequenceScoring
{
    /// <summary>Checks --score-iterations: 0 (skip the scores) or more.</summary>
    public static int? Iterations(int? value, string option = "--score-iterations") =>
        value is < 0 ? throw new SynthOptionException(option, $"must be 0 (skip the discriminative and predictive scores) or more, got {value}.") : value;

    public static SequenceComparison Compare(CommandContext context, double[][][] real, double[][][] synthetic, IReadOnlyList<string> features,
        int seed, int? iterations, int comparisonSeed = 42)
    {
        var comparison = SequenceComparison.Compare(real, synthetic, features, seed: comparisonSeed);
        context.Cancellation.ThrowIfCancellationRequested();
        if (iterations == 0) return comparison;
        if (!SequenceScores.CanMeasure(real, synthetic))
        {
            context.Host.WriteLine("No discriminative or predictive score: they need at least 2 real and 2 synthetic sequences.");
            return comparison;
        }
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scoring {synthetic.Length:N0} synthetic against {real.Length:N0} real sequences: a GRU classifier ({iterations ?? SequenceScores.ReferenceDiscriminativeIterations:N0} iterations) and two GRU predictors ({iterations ?? SequenceScores.ReferencePredictiveIterations:N0} each)…"));
        var scores = SequenceScores.Measure(real, synthetic, iterations, seed, context.Cancellation);
        context.Cancellation.ThrowIfCancellationRequested();
        return comparison with { Scores = scores };
    }
}
