namespace SynthCore.Synthesizers.Statistical;

/// <summary>Options of <see cref="SmoteSynthesizer"/>.</summary>
public sealed record SmoteOptions : IValidatedOptions
{
    /// <summary>Neighbours each row is interpolated towards (<c>--option k=5</c>).</summary>
    public int K { get; init; } = 5;

    /// <summary>
    /// A categorical column to balance (<c>--option target=Species</c>): samples are split evenly over
    /// its classes and each row is interpolated between rows of one class, as imbalanced-learn's SMOTE-NC
    /// oversamples minority classes. Null: the class mix follows the data.
    /// </summary>
    public string? Target { get; init; }

    /// <summary>Seed of sampling when none is given.</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        if (K < 1) throw new SynthOptionException("k", $"must be at least 1 (got {K}).");
        if (Target is { Length: 0 }) throw new SynthOptionException("target", "must name a column.");
    }
}
