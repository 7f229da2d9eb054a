namespace SynthCore.Synthesizers;

/// <summary>
/// A synthesizer made from its options record (the defaults when none is given), checked as it is made so that a bad
/// value fails before any fit. Each model says its name and how it fits.
/// </summary>
public abstract class OptionsSynthesizer<TOptions> : ISynthesizer where TOptions : class, IValidatedOptions, new()
{
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="SynthOptionException">An option is out of range, at odds with another, or names an unavailable device.</exception>
    private protected OptionsSynthesizer(TOptions? options)
    {
        Options = options ?? new TOptions();
        Options.Validate();
    }

    public TOptions Options { get; }

    public abstract string ModelName { get; }

    public abstract IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}
