namespace SynthCore.Synthesizers.Statistical;

/// <summary>Rows interpolated so far by a model and the mean of their interpolation weights λ.</summary>
/// <param name="Rows">Rows interpolated (rows rejected by numeric conditions included).</param>
/// <param name="MeanWeight">Mean λ over them (NaN before any); λ ~ U(0, 1), so about 0.5.</param>
public sealed record InterpolationWeights(long Rows, double MeanWeight);

/// <summary>A model whose rows interpolate between real rows and their nearest neighbours (SMOTE): what <c>run</c> and <c>fit</c> report of it.</summary>
public interface IInterpolatingSynthesizer : IFittedSynthesizer
{
    /// <summary>The k nearest neighbours each base row interpolates towards.</summary>
    int Neighbours { get; }

    /// <summary>The column whose classes the neighbours are found within, or null for the whole table.</summary>
    string? Target { get; }

    /// <summary>The rows this model object has interpolated so far and their mean weight.</summary>
    InterpolationWeights Weights { get; }
}
