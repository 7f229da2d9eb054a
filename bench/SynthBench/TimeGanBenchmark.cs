using System.Diagnostics;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Torch;
using SynthCore.Training;

namespace SynthBench;

/// <summary>
/// TimeGAN on the paper's Sines data (or, with csv=PATH, on the windows of a table's series, e.g. a
/// stock-price CSV like the paper's Stocks; its datetime column orders the rows, gaps ignored):
/// trains for the given iterations per phase, generates as many sequences as the real set, and
/// reports the paper's discriminative and predictive scores, wall time per phase and peak memory.
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
            AutoencoderIterations = a.Int("ae", iterations),
            SupervisorIterations = a.Int("sup", iterations),
            JointIterations = a.Int("joint", iterations),
            HiddenDim = a.Int("hidden", 24),
            Layers = a.Int("layers", 3),
            BatchSize = a.Int("batch", 128),
            Threads = a.Int("threads", 1),
            LearningRate = double.Parse(a.Text("lr", "0.001"), System.Globalization.CultureInfo.InvariantCulture),
            Initialization = a.Text("init", "tf") == "torch" ? RecurrentInitialization.Torch : RecurrentInitialization.TensorFlow,
            EmaDecay = double.Parse(a.Text("ema", "0"), System.Globalization.CultureInfo.InvariantCulture),
            FinalLearningRate = a.Text("final-lr", "") is { Length: > 0 } final ? double.Parse(final, System.Globalization.CultureInfo.InvariantCulture) : null,
            Seed = seed,
            ProgressEvery = Math.Max(1, a.Int("joint", iterations) / 10),
        };
        // Discriminative score (reference classifier) every this many joint iterations; 0 for none.
        int evalEvery = a.Int("eval-every", 0);
        // Classifier runs (different seeds) the final discriminative score is averaged over (the authors average 10).
        int repeats = a.Int("repeats", 1);
        // The scores' classifier and predictor initialised as the reference code's TensorFlow layers (tf) or as PyTorch's.
        var metricInit = a.Text("metric-init", "tf") == "torch" ? RecurrentInitialization.Torch : RecurrentInitialization.TensorFlow;
        var metrics = new SequenceMetricOptions { Seed = seed, Threads = options.Threads, Initialization = metricInit };

        // csv=PATH: windows (stride 1) of the table's numeric columns instead of Sines; scores on min-max scaled values, as the reference code's for Stocks.
        string csv = a.Text("csv", "");
        var data = csv.Length == 0
            ? SequenceData.FromSequences(SinesData.Generate(sequences, length, 5, seed, variant))
            : FromCsv(csv, length);
        string dataName = csv.Length == 0 ? $"Sines ({variant}, {sequences} x {length} x 5)" : $"{Path.GetFileName(csv)} ({data.WindowCount} windows x {length} x {data.FeatureNames.Count})";
        var (paperDisc, paperPred) = csv.Length == 0 ? ("0.011", "0.093 (real: 0.094)") : ("Stocks 0.102", "Stocks 0.038 (real: 0.036)");
        string which = a.Text("model", "timegan");
        if (which != "timegan") return Baseline(which, data, dataName, seed, metrics);
        Console.WriteLine($"TimeGAN on {dataName}, iterations per phase {options.AutoencoderSteps}/{options.SupervisorSteps}/{options.JointSteps}, "
            + $"lr {options.LearningRate}{(options.FinalLearningRate is { } f ? $" falling to {f}" : "")}, EMA decay {options.EmaDecay}, init {options.Initialization}, hidden {options.HiddenDim}, {options.Layers} layers, batch {options.BatchSize}, {options.Threads} libtorch thread(s), {Environment.ProcessorCount} cores");
        var real = Units(data, data.RawWindows());
        new Random(seed).Shuffle(real);

        var phaseEnds = new Dictionary<string, TimeSpan>();
        var progress = new SyncProgress(p =>
        {
            phaseEnds[p.Phase] = p.Elapsed;
            Console.WriteLine($"  {p.Phase,-11} {p.Step,6}/{p.TotalSteps}  {string.Join("  ", p.Losses.Select(l => $"{l.Key}={l.Value:F4}"))}  [{p.Elapsed:mm\\:ss}]");
        });
        var clock = Stopwatch.StartNew();
        var evaluation = TimeSpan.Zero;
        void Checkpoint(string phase, int step, TimeGanNetworks nets)
        {
            if (evalEvery <= 0 || phase != "joint" || step % evalEvery != 0) return;
            var start = clock.Elapsed;
            string Score(TimeGanNetworks weights) => Repeated(real, Units(data, data.Scaler.Unscale(Synthesize(weights, real.Length, length, data.FeatureNames.Count, seed + 1))), metrics, repeats, seed);
            string score = Score(nets);
            string averaged = nets.Averaged is { } average ? $", averaged weights {Score(average)}" : "";
            evaluation += clock.Elapsed - start;
            Console.WriteLine($"  checkpoint joint {step}: discriminative {score}{averaged}  (training time so far {(clock.Elapsed - evaluation).TotalSeconds:F0} s)");
        }
        // load=PATH scores (and describes) a model saved by an earlier run's save=PATH instead of training.
        string load = a.Text("load", "");
        using var model = load.Length > 0
            ? LoadModel(load, data)
            : new TimeGanSynthesizer(options).Fit(data, progress, default, Checkpoint);
        double fitSeconds = (clock.Elapsed - evaluation).TotalSeconds;
        if (a.Text("save", "") is { Length: > 0 } save)
        {
            using var file = File.Create(save);
            model.Save(file);
            Console.WriteLine($"saved the fitted model to {save}");
        }
        // Garbage collections during the fit: each one lets finalizers run, and fewer is better for
        // TorchSharp's native handles (see FusedGru's buffer pool).
        string collections = $"{GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)}";

        // The scores are computed in the data's own units, as the reference code does (its Sines
        // lie in [0.5, 1], so MAEs there are half of what they would be on min-max scaled data).
        clock.Restart();
        var synthetic = Units(data, model.SampleSequences(real.Length, seed + 1));
        double sampleSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var disc = SequenceMetrics.Discriminative(real, synthetic, metrics);
        double discSeconds = clock.Elapsed.TotalSeconds;
        var disc2 = SequenceMetrics.Discriminative(real, synthetic, metrics with { Layers = 2 });
        clock.Restart();
        var pred = SequenceMetrics.Predictive(real, synthetic, metrics);
        double predSeconds = clock.Elapsed.TotalSeconds;

        var ae = phaseEnds.GetValueOrDefault("autoencoder");
        var sup = phaseEnds.GetValueOrDefault("supervisor");
        var joint = phaseEnds.GetValueOrDefault("joint");
        Console.WriteLine($"fit: {fitSeconds:F1} s (autoencoder {ae.TotalSeconds:F1} s, supervisor {(sup - ae).TotalSeconds:F1} s, joint {(joint - sup - evaluation).TotalSeconds:F1} s"
            + (evaluation > TimeSpan.Zero ? $"; checkpoint scoring {evaluation.TotalSeconds:F0} s excluded)" : ")"));
        Console.WriteLine($"garbage collections by the end of the fit (gen 0 / 1 / 2): {collections}");
        Console.WriteLine($"sample {synthetic.Length} sequences: {sampleSeconds:F2} s");
        Console.WriteLine($"discriminative score: {disc.Score:F3} (held-out accuracy {disc.Accuracy:F3}; {discSeconds:F1} s)   paper: {paperDisc} (the reference's 1-layer classifier)");
        if (repeats > 1)
        {
            var other = metricInit == RecurrentInitialization.TensorFlow ? RecurrentInitialization.Torch : RecurrentInitialization.TensorFlow;
            Console.WriteLine($"discriminative score over {repeats} classifier runs ({metricInit} initialisation): {Repeated(real, synthetic, metrics, repeats, seed)}");
            Console.WriteLine($"  the same with {other} initialisation: {Repeated(real, synthetic, metrics with { Initialization = other }, repeats, seed)}");
        }
        Console.WriteLine($"discriminative score, 2-layer classifier: {disc2.Score:F3} (held-out accuracy {disc2.Accuracy:F3})");
        Console.WriteLine($"predictive score (train on synthetic, MAE on real): {pred.TrainOnSyntheticMae:F3}   train on real: {pred.TrainOnRealMae:F3}   ({predSeconds:F1} s)   paper: {paperPred}");
        Console.WriteLine($"peak resident memory: {PeakMemory.Megabytes():F0} MB");
        if (a.Text("describe", "no") == "yes") WindowStatistics.Print(real, synthetic);
        return 0;
    }

    private static FittedTimeGan LoadModel(string path, SequenceData data)
    {
        using var file = File.OpenRead(path);
        var model = FittedTimeGan.Load(SynthCore.Persistence.ModelFile.Read(file));
        if (!model.FeatureNames.SequenceEqual(data.FeatureNames) || model.SequenceLength != data.Options.SequenceLength)
        {
            model.Dispose();
            throw new ArgumentException($"load={path}: the model was fitted on features {string.Join(", ", model.FeatureNames)} with windows of {model.SequenceLength}; "
                + $"this run's data has {string.Join(", ", data.FeatureNames)} with windows of {data.Options.SequenceLength} (give the same csv=, length= as the run that saved it).");
        }
        return model;
    }

    /// <summary>Mean ± sd (min, max) of the discriminative score over <paramref name="repeats"/> classifier seeds; one score when 1.</summary>
    private static string Repeated(float[][][] real, float[][][] synthetic, SequenceMetricOptions metrics, int repeats, int seed)
    {
        if (repeats <= 1) return $"{SequenceMetrics.Discriminative(real, synthetic, metrics).Score:F3}";
        var scores = Enumerable.Range(0, repeats).Select(r => SequenceMetrics.Discriminative(real, synthetic, metrics with { Seed = seed + 100 + r }).Score).ToArray();
        double mean = scores.Average(), sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / (repeats - 1));
        return $"{mean:F3} ± {sd:F3} (min {scores.Min():F3}, max {scores.Max():F3})";
    }

    /// <summary>Samples scaled sequences straight from the training networks (a checkpoint; the fitted model does the same).</summary>
    private static float[][][] Synthesize(TimeGanNetworks nets, int count, int length, int features, int seed)
    {
        using var _ = TorchSharp.torch.no_grad();
        using var random = new TorchSharp.torch.Generator((ulong)seed, TorchSharp.torch.CPU);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var values = nets.Synthesize(TorchSharp.torch.rand([count, length, features], generator: random)).contiguous().data<float>().ToArray();
        return Enumerable.Range(0, count).Select(s => Enumerable.Range(0, length).Select(t => values.AsSpan((s * length + t) * features, features).ToArray()).ToArray()).ToArray();
    }

    /// <summary>A CSV's numeric columns as one series (its datetime column, if any, orders the rows; uneven gaps such as weekends are allowed).</summary>
    private static SequenceData FromCsv(string path, int length)
    {
        var table = SynthCore.Data.CsvTable.Read(path);
        return SequenceData.FromTable(table, SynthCore.Data.TableMetadata.Detect(table), new SequenceDataOptions { SequenceLength = length, AllowIrregular = true });
    }

    /// <summary>The same scores for a statistical baseline (ar1, arima or block-bootstrap) fitted on the same windows.</summary>
    private static int Baseline(string model, SequenceData data, string dataName, int seed, SequenceMetricOptions metrics)
    {
        Console.WriteLine($"Baseline '{model}' on {dataName}");
        var clock = Stopwatch.StartNew();
        IFittedSequenceSynthesizer fitted = model switch
        {
            "ar1" => new ArimaSynthesizer(new ArimaOptions { Order = new ArimaOrder(1, 0, 0), Seed = seed, Data = data.Options }, ArimaSynthesizer.Ar1Name).Fit(data),
            "arima" => new ArimaSynthesizer(new ArimaOptions { Seed = seed, Data = data.Options, Search = new ArimaSearch { Period = 0 } }).Fit(data),
            "block-bootstrap" => BlockBootstrap(data, seed),
            _ => throw new ArgumentException($"Unknown model '{model}': use timegan, ar1, arima or block-bootstrap."),
        };
        double fitSeconds = clock.Elapsed.TotalSeconds;
        var real = Units(data, data.RawWindows());
        new Random(seed).Shuffle(real);
        var synthetic = Units(data, fitted.SampleSequences(real.Length, seed + 1));
        clock.Restart();
        var disc = SequenceMetrics.Discriminative(real, synthetic, metrics);
        var pred = SequenceMetrics.Predictive(real, synthetic, metrics);
        Console.WriteLine($"fit: {fitSeconds:F1} s; metrics: {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"discriminative score: {disc.Score:F3} (held-out accuracy {disc.Accuracy:F3})");
        Console.WriteLine($"predictive score (train on synthetic, MAE on real): {pred.TrainOnSyntheticMae:F3}   train on real: {pred.TrainOnRealMae:F3}");
        Console.WriteLine($"peak resident memory: {PeakMemory.Megabytes():F0} MB");
        return 0;
    }

    /// <summary>Block bootstrap over the Sines sequences themselves (each sequence is one series; blocks of 6 steps).</summary>
    private static IFittedSequenceSynthesizer BlockBootstrap(SequenceData data, int seed)
    {
        var long_ = SequenceTable.ToLong(data.Series.ToArray(), data.FeatureNames);
        var metadata = SynthCore.Data.TableMetadata.Detect(long_);
        var options = new BlockBootstrapOptions
        {
            Seed = seed,
            Data = new SequenceDataOptions { SequenceLength = data.Options.SequenceLength, IdColumn = SequenceTable.SequenceIdColumn, TimeColumn = SequenceTable.StepColumn, Features = data.FeatureNames.ToArray() },
        };
        return (IFittedSequenceSynthesizer)new BlockBootstrapSynthesizer(options).Fit(long_, metadata);
    }

    /// <summary>
    /// Data already in [0, 1] (the reference Sines) is scored as it is; other data (the paper-formula
    /// Sines in [−1, 1]) min-max scaled, since the predictor's outputs are sigmoids.
    /// </summary>
    private static float[][][] Units(SequenceData data, double[][][] sequences) =>
        data.Scaler.Min.Min() >= 0 && data.Scaler.Max.Max() <= 1
            ? sequences.Select(s => s.Select(step => step.Select(v => (float)v).ToArray()).ToArray()).ToArray()
            : data.Scaler.Scale(sequences);

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
