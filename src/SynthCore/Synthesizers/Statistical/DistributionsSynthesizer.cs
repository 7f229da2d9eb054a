namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Fitted distributions (<c>distributions</c>): each numeric column gets the parametric family that
/// ranks best (AIC by default, <c>--option rank=ks</c> for the KS statistic), categorical columns their
/// frequencies; columns are sampled independently, or joined through the Gaussian copula with
/// <c>--option joint=copula</c>. Dates use their empirical distribution.
/// </summary>
public sealed class DistributionsSynthesizer(CopulaModelOptions options) : CopulaModelSynthesizer(Name, options)
{
    public const string Name = "distributions";

    private static CopulaModelOptions Defaults(int seed) => new("parametric", "independent", "aic", seed);

    private static readonly ModelOptionSet<CopulaModelOptions> Extras = new(
        ModelOption.Choice<CopulaModelOptions>("joint", o => o.Joint, (o, v) => o with { Joint = v }, "columns drawn independently, or joined by a Gaussian copula", "independent", "copula"),
        ModelOption.Choice<CopulaModelOptions>("rank", o => o.Ranking, (o, v) => o with { Ranking = v }, "how each column's family is chosen (discrete and continuous families ranked apart)", "aic", "ks"));

    public static SynthesizerDescriptor Descriptor { get; } = Entry(Name,
        "Best-fitting parametric distribution per column (normal, log-normal, gamma, beta, Weibull, Poisson, negative binomial, …), sampled independently. Options: joint=independent|copula, rank=aic|ks.",
        Extras, Defaults, options => new DistributionsSynthesizer(options));

    /// <summary>The options from the common settings and <c>--option</c> pairs; also how a model file's options are checked.</summary>
    internal static CopulaModelOptions OptionsFrom(SynthesizerSettings settings) => OptionsFrom(Name, Extras, Defaults(settings.Seed), settings);
}
