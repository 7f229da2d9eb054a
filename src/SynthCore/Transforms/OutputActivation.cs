namespace SynthCore.Transforms;

/// <summary>The activation a network should put on an output span so its values land where the transform expects them.</summary>
public enum OutputActivation
{
    /// <summary>Values in [0, 1] (min-max scaled numbers, label codes, missing indicators).</summary>
    Sigmoid,
    /// <summary>Values in [-1, 1].</summary>
    Tanh,
    /// <summary>Unbounded values (standardised numbers).</summary>
    Identity,
    /// <summary>A probability vector over the span (one-hot categories).</summary>
    Softmax,
}
