namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// The Gaussian copula (<c>copula</c>): per-column marginals (empirical quantiles, or with
/// <c>--option marginals=parametric</c> the family with the smallest KS statistic), a repaired
/// correlation matrix of normal scores, and exact conditional sampling.
/// Missing values: each column's missing rate is reproduced independently of the other columns.
/// </summary>
public sealed class GaussianCopulaSynthesizer(CopulaModelOptions options) : CopulaModelSynthesizer(Name, options)
{
    public const string Name = "copula";

    private static CopulaModelOptions Defaults(int seed) => new("empirical", "copula", "ks", seed, "association");

    private static readonly ModelOptionSet<CopulaModelOptions> Extras = new(
        ModelOption.Choice<CopulaModelOptions>("marginals", o => o.Marginals, (o, v) => o with { Marginals = v }, "each column's distribution: its empirical one, or the best parametric fit", "empirical", "parametric"),
        ModelOption.Choice<CopulaModelOptions>("category-order", o => o.CategoryOrder, (o, v) => o with { CategoryOrder = v }, "how categories are placed on the normal scale", "association", "frequency"));

    public static SynthesizerDescriptor Descriptor { get; } = Entry(Name,
        "Gaussian copula: per-column marginals (empirical or best parametric fit) joined by a correlation of normal scores; exact conditional sampling. Options: marginals=empirical|parametric, category-order=association|frequency.",
        Extras, Defaults, options => new GaussianCopulaSynthesizer(options), pairwiseMemory: true);

    /// <summary>The options from the common settings and <c>--option</c> pairs; also how a model file's options are checked.</summary>
    internal static CopulaModelOptions OptionsFrom(SynthesizerSettings settings) => OptionsFrom(Name, Extras, Defaults(settings.Seed), settings);
}
