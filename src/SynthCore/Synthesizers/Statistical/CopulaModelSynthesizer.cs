namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// The models fitted as a <see cref="CopulaModel"/> (<c>copula</c>, <c>distributions</c>): fitted in closed form with one
/// progress report, and given their options the same way; each says its defaults and its <c>--option</c> settings.
/// </summary>
public abstract class CopulaModelSynthesizer(string name, CopulaModelOptions options) : ISynthesizer
{
    public string ModelName { get; } = name;

    public CopulaModelOptions Options { get; } = options;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        cancellationToken.ThrowIfCancellationRequested();
        var state = CopulaFitter.Fit(table, metadata, Options.ToFitOptions(), Options.Seed, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double> { ["columns"] = metadata.Columns.Count }, clock.Elapsed, TimeSpan.Zero));
        return new CopulaModel(ModelName, metadata, Options, state);
    }

    /// <summary>A copula model's registry entry: its options are <paramref name="defaults"/> at the run's seed with its <c>--option</c> settings.</summary>
    private protected static SynthesizerDescriptor Entry(string name, string summary, ModelOptionSet<CopulaModelOptions> extras, Func<int, CopulaModelOptions> defaults,
        Func<CopulaModelOptions, ISynthesizer> create, bool pairwiseMemory = false) =>
        new(name, summary, settings => create(OptionsFrom(name, extras, defaults(settings.Seed), settings)), CopulaModel.Load)
        { PairwiseMemory = pairwiseMemory, Options = extras.Describe(defaults(42)) };

    /// <summary>The options from the common settings and <c>--option</c> pairs over the model's defaults; also how a model file's options are checked.</summary>
    private protected static CopulaModelOptions OptionsFrom(string model, ModelOptionSet<CopulaModelOptions> extras, CopulaModelOptions defaults, SynthesizerSettings settings)
    {
        settings.RejectTraining(model, "it is fitted in closed form, not trained");
        return extras.Apply(defaults, settings.Extra, model);
    }
}
