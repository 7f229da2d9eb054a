using SynthCore.Evaluation.Scorecards;
using SynthCore.Evaluation.Sequences;

namespace SynthCommands;

/// <summary>
/// <c>--score-iterations</c>, and the sequence comparison of <c>evaluate</c> (<see cref="Evaluator.EvaluateSequences"/>) with its note
/// before the GRU scores.
/// </summary>
internal static class SequenceScoring
{
    /// <summary>Checks --score-iterations: 0 (skip the scores) or more.</summary>
    public static int? Iterations(int? value, string option = "--score-iterations") =>
        value is < 0 ? throw new SynthOptionException(option, $"must be 0 (skip the discriminative and predictive scores) or more, got {value}.") : value;

    public static SequenceComparison Compare(CommandContext context, double[][][] real, double[][][] synthetic, IReadOnlyList<string> features,
        int seed, int? iterations, int comparisonSeed = 42) =>
        Evaluator.EvaluateSequences(real, synthetic, features, seed, iterations,
            measurable => Note(context.Host, real.Length, synthetic.Length, iterations, measurable), context.Cancellation, comparisonSeed);

    /// <summary>The line before the GRU scores: what is trained, or why there is no score.</summary>
    public static void Note(ISynthHost host, int real, int synthetic, int? iterations, bool measurable) =>
        host.WriteLine(measurable
            ? string.Create(CultureInfo.InvariantCulture,
                $"Scoring {synthetic:N0} synthetic against {real:N0} real sequences: a GRU classifier ({iterations ?? SequenceScores.ReferenceDiscriminativeIterations:N0} iterations) and two GRU predictors ({iterations ?? SequenceScores.ReferencePredictiveIterations:N0} each)…")
            : "No discriminative or predictive score: they need at least 2 real and 2 synthetic sequences.");
}
