namespace SynthCore.Evaluation.Utility;

/// <summary>The model families the utility report trains: two tree ensembles (boosted, and a random forest as the original toolkit used) and a linear model.</summary>
public static class UtilityModels
{
    /// <summary>ML.NET FastTree (gradient-boosted regression trees; one-vs-rest for classes).</summary>
    public const string GradientBoostedTrees = "gradient_boosted_trees";

    /// <summary>Multinomial logistic regression (ML.NET L-BFGS) for classes; least squares (MathNet) for numbers.</summary>
    public const string Linear = "linear";

    /// <summary>ML.NET FastForest (a random forest of regression trees; one-vs-rest for classes).</summary>
    public const string RandomForest = "random_forest";

    public static IReadOnlyList<string> All { get; } = [GradientBoostedTrees, RandomForest, Linear];
}
