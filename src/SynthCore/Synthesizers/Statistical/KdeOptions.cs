namespace SynthCore.Synthesizers.Statistical;

/// <summary>Options of <see cref="KdeSynthesizer"/>.</summary>
public sealed record KdeOptions : IValidatedOptions
{
    /// <summary>
    /// Bandwidth rule (<c>--option bandwidth=scott|silverman|0.3</c>): Scott's factor n^(−1/(d+4)),
    /// Silverman's (n (d+2) / 4)^(−1/(d+4)), or a positive number used as the factor itself, as
    /// scipy's gaussian_kde reads bw_method. n is the rows of the row's category group, d its numeric dimensions.
    /// </summary>
    public string Bandwidth { get; init; } = "scott";

    /// <summary>Seed of sampling when none is given.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The kernel's scale factor for a group of <paramref name="rows"/> rows in <paramref name="dimensions"/> dimensions.</summary>
    public double Factor(int rows, int dimensions)
    {
        double n = Math.Max(rows, 1), d = dimensions;
        return Bandwidth.ToLowerInvariant() switch
        {
            "scott" => Math.Pow(n, -1.0 / (d + 4)),
            "silverman" => Math.Pow(n * (d + 2) / 4.0, -1.0 / (d + 4)),
            _ => double.Parse(Bandwidth, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    public void Validate()
    {
        if (Bandwidth.ToLowerInvariant() is "scott" or "silverman") return;
        if (!double.TryParse(Bandwidth, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || !double.IsFinite(value))
            throw new SynthOptionException("bandwidth", $"must be 'scott', 'silverman' or a positive number (got '{Bandwidth}').");
    }
}
