using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>TimeGAN (Yoon, Jarrett and van der Schaar, NeurIPS 2019) on min-max scaled windows of a table's series.</summary>
public sealed class TimeGanSynthesizer(TimeGanOptions? options = null) : OptionsSynthesizer<TimeGanOptions>(options)
{
    public const string Name = "timegan";

    public override string ModelName => Name;

    public override IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(SequenceData.FromTable(table, metadata, Options.Data), progress, cancellationToken);

    /// <summary>Fits prepared sequence data (e.g. <see cref="SequenceData.FromSequences"/> of the Sines data).</summary>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite; <see cref="TrainingDivergedException.LastGood"/> is the model as of the last sound joint iteration (null before joint training).</exception>
    public FittedTimeGan Fit(SequenceData data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(data, progress, cancellationToken, afterIteration: null);

    /// <param name="afterIteration">Called after each iteration (phase, iteration, networks): benchmark checkpoints and test seams.</param>
    internal FittedTimeGan Fit(SequenceData data, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Action<string, int, TimeGanNetworks>? afterIteration)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        float[][][] windows;
        float[][]? staticCodes = null;
        if (data.Static is null) windows = data.ScaledWindows(Options.Seed);
        else (windows, staticCodes) = data.ScaledWindowsWithStatic(Options.Seed);
        var options = Options with
        {
            Data = Options.Data with { SequenceLength = windows[0].Length, Static = data.Static?.Columns.Select(c => c.Name).ToArray() },
        };
        var featureNames = data.FeatureNames.ToArray();
        FittedTimeGan Wrap(TimeGanNetworks nets) => new(options, featureNames, data.Scaler, nets, data.WindowCount, data.Static);
        return Wrap(TimeGanTrainer.Train(windows, options, progress, cancellationToken, Wrap, afterIteration, staticCodes));
    }
}
