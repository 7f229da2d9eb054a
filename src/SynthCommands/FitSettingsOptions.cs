namespace SynthCommands;

/// <summary>The options every fitting command (fit, run) takes, mapped onto SynthesizerSettings.</summary>
internal sealed class FitSettingsOptions
{
    public Option<int?> Seed { get; } = SharedOptions.NullableInt("--seed", "Seed of the fit (default 42); the same seed gives the same model.");
    public Option<int?> Epochs { get; } = SharedOptions.NullableInt("--epochs", "Epochs (or training steps, depending on the model).");
    public Option<int?> BatchSize { get; } = SharedOptions.NullableInt("--batch-size", "Batch size.");
    public Option<int?> SeqLen { get; } = SharedOptions.NullableInt("--seq-len", "Steps per sequence (sequence models: timegan, arima, ar1, block-bootstrap; default 24).");
    public Option<double?> LearningRate { get; } = new("--learning-rate")
    {
        Description = "Learning rate.",
        CustomParser = result => OptionValues.ParseNumber(result, "--learning-rate"),
    };
    public Option<string> Device { get; } = new("--device") { Description = "TorchSharp device (cpu, cuda, cuda:N).", DefaultValueFactory = _ => "cpu" };
    public Option<string?> Categorical { get; } = SharedOptions.CategoricalOption();
    public Option<string[]> Extra { get; } = new("--option")
    {
        Description = "A model-specific option as key=value (repeatable), e.g. --option latent-dim=64; 'synth models NAME' lists a model's options.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    internal void AddTo(SynthCommand command) =>
        command.Declare(Seed, Epochs, BatchSize, SeqLen, LearningRate, Device, Categorical, Extra);
}
