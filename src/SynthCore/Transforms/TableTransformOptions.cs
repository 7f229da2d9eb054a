namespace SynthCore.Transforms;

/// <summary>How numeric (continuous, integer, datetime) columns are scaled.</summary>
public enum NumericScaling
{
    /// <summary>To [0, 1] by the observed min and max (<see cref="MinMaxTransform"/>).</summary>
    MinMax,
    /// <summary>To mean 0, deviation 1 (<see cref="StandardTransform"/>).</summary>
    Standard,
}

/// <summary>How categorical and boolean columns are encoded.</summary>
public enum CategoricalEncoding
{
    /// <summary>One output per category (<see cref="OneHotTransform"/>).</summary>
    OneHot,
    /// <summary>One output holding the scaled category code (<see cref="LabelTransform"/>).</summary>
    Label,
}

/// <summary>Choices for <see cref="TableTransform.Fit"/>.</summary>
public sealed record TableTransformOptions
{
    public NumericScaling Numeric { get; init; } = NumericScaling.MinMax;
    public CategoricalEncoding Categorical { get; init; } = CategoricalEncoding.OneHot;
    /// <summary>Clip reversed numeric values to the range seen when fitting.</summary>
    public bool ClipToObservedRange { get; init; } = true;
}
