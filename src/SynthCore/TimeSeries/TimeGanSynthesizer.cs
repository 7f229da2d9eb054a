using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Training;

namespace SynthCore.TimeSeries;

/// <summary>TimeGAN (Yoon, Jarrett and van der Schaar, NeurIPS 2019) on min-max scaled windows of a table's series.</summary>
public sealed class TimeGanSynthesizer : ISynthesizer
{
    public const string Name = "timegan";

    /// <exception cref="SynthOptionException">An option is out of range or names an unavailable device.</exception>
    public TimeGanSynthesizer(TimeGanOptions? options = null)
    {
        Options = options ?? new TimeGanOptions();
        Options.Validate();
    }

    public TimeGanOptions Options { get; }

    public string ModelName => Name;

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(SequenceData.FromTable(table, metadata, Options.Data), progress, cancellationToken);

    /// <summary>Fits prepared sequence data (e.g. <see cref="SequenceData.FromSequences"/> of the Sines data).</summary>
    public FittedTimeGan Fit(SequenceData data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var windows = data.ScaledWindows(Options.Seed);
        var options = Options with { Data = Options.Data with { SequenceLength = windows[0].Length } };
        var nets = TimeGanTrainer.Train(windows, options, progress, cancellationToken);
        return new FittedTimeGan(options, data.FeatureNames.ToArray(), data.Scaler, nets, data.WindowCount);
    }
}
