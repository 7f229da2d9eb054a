namespace SynthCore.Evaluation.Utility;

/// <summary>The two model families the utility report trains: one non-linear, one linear.</summary>
public static class UtilityModels
{
    /// <summary>ML.NET FastTree (gradient-boosted regression trees; one-vs-rest for classes).</summary>
    public const string GradientBoostedTrees = "gradient_boosted_trees";

    /// <summary>Multinomial logistic regression (ML.NET L-BFGS) for classes; least squares (MathNet) for numbers.</summary>
    public const string Linear = "linear";

    public static IReadOnlyList<string> All { get; } = [GradientBoostedTrees, Linear];
}
