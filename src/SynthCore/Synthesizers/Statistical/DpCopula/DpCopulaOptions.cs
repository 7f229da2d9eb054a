namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>Options of the differentially private Gaussian copula (<see cref="DpCopulaSynthesizer"/>).</summary>
public sealed record DpCopulaOptions : IValidatedOptions
{
    /// <summary>The total privacy budget ε of the fit (pure ε-DP: δ = 0).</summary>
    public double Epsilon { get; init; } = 1.0;

    /// <summary>Share of ε spent on the marginal histograms; the rest goes to the correlation (all of it to the marginals when there is one column).</summary>
    public double MarginalShare { get; init; } = 0.5;

    /// <summary>Equal-width bins of each numeric column's histogram between its bounds.</summary>
    public int Bins { get; init; } = 20;

    /// <summary>Bounds of every numeric column, by column name; dates as ticks. Required unless <see cref="BoundsFromData"/>.</summary>
    public IReadOnlyDictionary<string, NumericBounds> Bounds { get; init; } = new Dictionary<string, NumericBounds>();

    /// <summary>
    /// Take missing bounds from the data's own minimum and maximum. This leaks the extremes exactly, so
    /// the fitted model is then NOT differentially private; it is flagged as such.
    /// </summary>
    public bool BoundsFromData { get; init; }

    /// <summary>Seed of the noise and (by default) of sampling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="SynthOptionException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (!(Epsilon > 0) || double.IsInfinity(Epsilon)) throw new SynthOptionException("epsilon", $"must be a positive number (got {Epsilon}).");
        if (!(MarginalShare > 0 && MarginalShare <= 1)) throw new SynthOptionException("marginal-share", $"must be in (0, 1] (got {MarginalShare}).");
        if (Bins < 1 || Bins > 10_000) throw new SynthOptionException("bins", $"must be between 1 and 10000 (got {Bins}).");
        foreach (var (column, b) in Bounds)
            if (!double.IsFinite(b.Lower) || !double.IsFinite(b.Upper) || !(b.Lower < b.Upper))
                throw new SynthOptionException("bounds", $"column '{column}' needs finite bounds with lower < upper (got {b.Lower} to {b.Upper}).");
    }
}
