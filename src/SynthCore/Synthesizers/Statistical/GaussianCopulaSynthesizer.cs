namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// The Gaussian copula (<c>copula</c>): per-column marginals (empirical quantiles, or with
/// <c>--option marginals=parametric</c> the family with the smallest KS statistic), a repaired
/// correlation matrix of normal scores, and exact conditional sampling.
/// Missing values: each column's missing rate is reproduced independently of the other columns.
/// </summary>
public sealed class GaussianCopulaSynthesizer(CopulaModelOptions options) : ISynthesizer
{
    public const string Name = "copula";

    public string ModelName => Name;

    public CopulaModelOptions Options { get; } = options;

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
    internal static CopulaModelOptions OptionsFrom(SynthesizerSettings settings)
    {
        settings.RejectTraining(Name, "it is fitted in closed form, not trained");
        return Extras.Apply(Defaults(settings.Seed), settings.Extra, Name);
    }

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        StatisticalFit.Run(Name, table, metadata, Options, progress, cancellationToken);
}

/// <summary>The fit step shared by <c>copula</c> and <c>distributions</c>, with one progress report.</summary>
internal static class StatisticalFit
{
    public static CopulaModel Run(string model, DataFrame table, TableMetadata metadata, CopulaModelOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancellationToken.ThrowIfCancellationRequested();
        var state = CopulaFitter.Fit(table, metadata, options.ToFitOptions(), options.Seed, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double> { ["columns"] = metadata.Columns.Count }, clock.Elapsed, TimeSpan.Zero));
        return new CopulaModel(model, metadata, options, state);
    }
}
