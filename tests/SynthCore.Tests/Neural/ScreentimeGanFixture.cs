using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural;
using SynthCore.Training;

namespace SynthCore.Tests.Neural;

/// <summary>
/// One GAN trained on data/screentime.csv with a fixed seed, shared by the statistical tests
/// (training takes ~10 s here; 2,000 steps already meet the bar, the default is 10,000).
/// </summary>
public sealed class ScreentimeGanFixture : IDisposable
{
    public const int Steps = 2000;

    public ScreentimeGanFixture() : this(42) { }

    /// <summary>The same fit at another seed (<see cref="ScreentimeGanChecks"/>' seed sweep).</summary>
    internal ScreentimeGanFixture(int seed)
    {
        (Real, Metadata) = BundledData.Load("screentime.csv");
        var progress = new CollectingProgress();
        Model = (FittedGan)new GanSynthesizer(new GanOptions { Steps = Steps, Seed = seed }).Fit(Real, Metadata, progress);
        Reports = progress.Reports;
        Synthetic = Model.Sample(5000);
    }

    public DataFrame Real { get; }
    public TableMetadata Metadata { get; }
    public FittedGan Model { get; }
    public IReadOnlyList<TrainingProgress> Reports { get; }
    public DataFrame Synthetic { get; }

    public void Dispose() => Model.Dispose();
}

/// <summary>Collects progress reports synchronously (System.Progress would post them to the thread pool).</summary>
public sealed class CollectingProgress : IProgress<TrainingProgress>
{
    private readonly List<TrainingProgress> reports = [];
    public Action<TrainingProgress>? OnReport { get; init; }
    public IReadOnlyList<TrainingProgress> Reports => reports;

    public void Report(TrainingProgress value)
    {
        reports.Add(value);
        OnReport?.Invoke(value);
    }
}
