namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Metrics that treat "missing" as a category of its own (contingency tables, category adherence) use this
/// key for it. SDMetrics gets the same effect from pandas turning NaN into "nan" with astype(str).
/// </summary>
internal static class MissingCategory
{
    /// <summary>A key no ordinary label has (it starts with a NUL character), so a real "nan" text stays its own category.</summary>
    public const string Key = "\0missing";
}
