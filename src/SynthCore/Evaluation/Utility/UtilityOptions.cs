namespace SynthCore.Evaluation.Utility;

/// <summary>What the utility report predicts and how it splits the real table.</summary>
/// <param name="Target">The column to predict.</param>
public sealed record UtilityOptions(string Target)
{
    /// <summary>Share of the real rows held out for testing; the rest is the real training set.</summary>
    public double TestFraction { get; init; } = 0.3;

    /// <summary>Seeds the holdout split and the models.</summary>
    public int Seed { get; init; } = 42;
}
