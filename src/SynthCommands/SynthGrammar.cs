namespace SynthCommands;

/// <summary>
/// The one grammar of <c>synth …</c> (console) and <c>#!synth …</c> (notebook magics), built with
/// System.CommandLine: the root and its commands, each of which declares its own arguments and options
/// (<see cref="SynthCommand"/>). <see cref="SynthCommandExecutor"/> runs them.
/// </summary>
public sealed class SynthGrammar
{
    public SynthGrammar()
    {
        Root = new RootCommand("synth: generate synthetic tabular data (describe, fit, sample, run, evaluate, compare, privacy-sweep, fit-distributions, plot, export, models, privacy, anonymize, perturb, forecast, encode, interpolate).")
        {
            Describe, Fit, Sample, Run, Evaluate, Compare, PrivacySweep, FitDistributions, Plot, Export, Models, Privacy, Anonymize, Perturb, Forecast, Encode, Interpolate,
        };
    }

    public RootCommand Root { get; }

    internal IEnumerable<SynthCommand> Commands => Root.Subcommands.Cast<SynthCommand>();

    internal DescribeCommand Describe { get; } = new();
    internal FitCommand Fit { get; } = new();
    internal SampleCommand Sample { get; } = new();
    internal RunCommand Run { get; } = new();
    internal EvaluateCommand Evaluate { get; } = new();
    internal CompareCommand Compare { get; } = new();
    internal PrivacySweepCommand PrivacySweep { get; } = new();
    internal FitDistributionsCommand FitDistributions { get; } = new();
    internal PlotCommand Plot { get; } = new();
    internal ExportCommand Export { get; } = new();
    internal ModelsCommand Models { get; } = new();
    internal PrivacyCommand Privacy { get; } = new();
    internal AnonymizeCommand Anonymize { get; } = new();
    internal PerturbCommand Perturb { get; } = new();
    internal ForecastCommand Forecast { get; } = new();
    internal EncodeCommand Encode { get; } = new();
    internal InterpolateCommand Interpolate { get; } = new();
}
