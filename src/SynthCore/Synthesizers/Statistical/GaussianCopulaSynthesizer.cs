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

    /// <summary>Registry entry.</summary>
    public static SynthesizerDescriptor Descriptor { get; } = new(
        Name,
        "Gaussian copula: per-column marginals (empirical or best parametric fit) joined by a correlation of normal scores; exact conditional sampling. Options: marginals=empirical|parametric, category-order=association|frequency.",
        Create,
        CopulaModel.Load)
    { PairwiseMemory = true, Options = Extras.Describe(Defaults(42)) };

    public static ISynthesizer Create(SynthesizerSettings settings) => new GaussianCopulaSynthesizer(OptionsFrom(settings));

    /// <summary>The options from the common settings and <c>--option</c> pairs; also how a model file's options are checked.</summary>
    internal static CopulaModelOptions OptionsFrom(SynthesizerSettings settings) => OptionsFrom(Name, Extras, Defaults(settings.Seed), settings);
}
