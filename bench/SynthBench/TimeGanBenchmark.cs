using System.Diagnostics;
using SynthCore.TimeSeries;
using SynthCore.Training;

namespace SynthBench;

/// <summary>
/// TimeGAN on the paper's Sines data: trains for the given iterations per phase, generates as
/// many sequences as the real set, and reports the paper's discriminative and predictive scores,
/// wall time per phase and peak memory.
/// </summary>
internal static class TimeGanBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        int iterations = a.Int("iterations", 1000);
        int sequences = a.Int("sequences", 10_000);
        int length = a.Int("length", 24);
        int seed = a.Int("seed", 42);
        var variant = a.Text("variant", "reference") == "paper" ? SinesVariant.Paper : SinesVariant.ReferenceCode;
        var options = new TimeGanOptions
        {
            Iterations = iterations,
            HiddenDim = a.Int("hidden", 24),
            Layers = a.Int("layers", 3),
            BatchSize = a.Int("batch", 128),
            Threads = a.Int("threads", 1),
            LearningRate = double.Parse(a.Text("lr", "0.001"), System.Globalization.CultureInfo.InvariantCulture),
            Seed = seed,
            ProgressEvery = Math.Max(1, iterations / 10),
        };
        var metrics = new SequenceMetricOptions { Seed = seed, Threads = options.Threads };

        var data = SequenceData.FromSequences(SinesData.Generate(sequences, length, 5, seed, variant));
        Console.WriteLine($"TimeGAN on Sines ({variant}, {sequences} x {length} x 5), {iterations} iterations per phase, hidden {options.HiddenDim}, "
            + $"{options.Layers} layers, batch {options.BatchSize}, {options.Threads} libtorch thread(s), {Environment.ProcessorCount} cores");

        var phaseEnds = new Dictionary<string, TimeSpan>();
        var progress = new SyncProgress(p =>
        {
            phaseEnds[p.Phase] = p.Elapsed;
            Console.WriteLine($"  {p.Phase,-11} {p.Step,6}/{p.TotalSteps}  {string.Join("  ", p.Losses.Select(l => $"{l.Key}={l.Value:F4}"))}  [{p.Elapsed:mm\\:ss}]");
        });
        var clock = Stopwatch.StartNew();
        using var model = new TimeGanSynthesizer(options).Fit(data, progress);
        double fitSeconds = clock.Elapsed.TotalSeconds;

        var real = data.ScaledWindows(seed);
        clock.Restart();
        var synthetic = model.SampleScaled(real.Length, seed + 1);
        double sampleSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var disc = SequenceMetrics.Discriminative(real, synthetic, metrics);
        double discSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var pred = SequenceMetrics.Predictive(real, synthetic, metrics);
        double predSeconds = clock.Elapsed.TotalSeconds;

        var ae = phaseEnds.GetValueOrDefault("autoencoder");
        var sup = phaseEnds.GetValueOrDefault("supervisor");
        var joint = phaseEnds.GetValueOrDefault("joint");
        Console.WriteLine($"fit: {fitSeconds:F1} s (autoencoder {ae.TotalSeconds:F1} s, supervisor {(sup - ae).TotalSeconds:F1} s, joint {(joint - sup).TotalSeconds:F1} s; "
            + $"{3.0 * iterations / fitSeconds:F1} iterations/s overall)");
        Console.WriteLine($"sample {synthetic.Length} sequences: {sampleSeconds:F2} s");
        Console.WriteLine($"discriminative score: {disc.Score:F3} (held-out accuracy {disc.Accuracy:F3}; {discSeconds:F1} s)   paper: 0.011");
        Console.WriteLine($"predictive score (train on synthetic, MAE on real): {pred.TrainOnSyntheticMae:F3}   train on real: {pred.TrainOnRealMae:F3}   ({predSeconds:F1} s)   paper: 0.093 (real: 0.094)");
        Console.WriteLine($"peak resident memory: {PeakMemory.Megabytes():F0} MB");
        return 0;
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
