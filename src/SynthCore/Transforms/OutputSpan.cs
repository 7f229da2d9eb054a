namespace SynthCore.Transforms;

/// <summary>A run of consecutive outputs of one column, with the activation it needs.</summary>
/// <param name="Column">The table column the outputs belong to.</param>
/// <param name="Start">First output: relative to the column in <see cref="IColumnTransform.Spans"/>, absolute in <see cref="TableTransform.Spans"/>.</param>
/// <param name="Width">How many outputs.</param>
/// <param name="Activation">What the network should apply to them.</param>
public sealed record OutputSpan(string Column, int Start, int Width, OutputActivation Activation)
{
    /// <summary>Whether this span is a numeric column's missing indicator (1 = missing) rather than its value.</summary>
    public bool IsMissingIndicator { get; init; }
}
