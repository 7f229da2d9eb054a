namespace SynthCore.Synthesizers.Statistical;

/// <summary>The parametric families <see cref="DistributionFitter"/> tries.</summary>
public enum DistributionFamily
{
    // Continuous
    Normal,
    LogNormal,
    Exponential,
    Gamma,
    Beta,
    Weibull,
    Uniform,
    TruncatedNormal,
    // Counts
    Poisson,
    NegativeBinomial,
    Binomial,
}

public static class DistributionFamilies
{
    public static readonly IReadOnlyList<DistributionFamily> Continuous =
    [
        DistributionFamily.Normal, DistributionFamily.LogNormal, DistributionFamily.Exponential, DistributionFamily.Gamma,
        DistributionFamily.Beta, DistributionFamily.Weibull, DistributionFamily.Uniform, DistributionFamily.TruncatedNormal,
    ];

    public static readonly IReadOnlyList<DistributionFamily> Counts =
        [DistributionFamily.Poisson, DistributionFamily.NegativeBinomial, DistributionFamily.Binomial];

    public static bool IsDiscrete(this DistributionFamily family) => family >= DistributionFamily.Poisson;

    /// <summary>Lower-case, hyphenated name used in options and output ("log-normal").</summary>
    public static string ToName(this DistributionFamily family) => family switch
    {
        DistributionFamily.LogNormal => "log-normal",
        DistributionFamily.TruncatedNormal => "truncated-normal",
        DistributionFamily.NegativeBinomial => "negative-binomial",
        _ => family.ToString().ToLowerInvariant(),
    };
}
