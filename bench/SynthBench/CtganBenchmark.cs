using System.Diagnostics;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Training;
using TorchSharp;

namespace SynthBench;

/// <summary>
/// CTGAN on an Adult-shaped table (<see cref="AdultShapedTable"/>) or a CSV: transformer fit time,
/// seconds per epoch (wall and process CPU), time to sample as many rows as the table has, achieved GFLOP/s of training
/// (from the layer sizes) next to a plain matrix multiply's GFLOP/s at the same thread count, and
/// the run's peak resident memory. <c>write=file.csv</c> only writes the generated table.
/// </summary>
internal static class CtganBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int epochs = options.Int("epochs", 3);
        int seed = options.Int("seed", 42);
        int batch = options.Int("batch", 500);
        string? path = options.Text("data", "") is { Length: > 0 } p ? p : null;
        var clock = Stopwatch.StartNew();
        var table = path is null ? AdultShapedTable.Create(seed, options.Int("rows", AdultShapedTable.Rows)) : CsvTable.Read(path);
        if (options.Text("write", "") is { Length: > 0 } destination)
        {
            // The same table as a CSV, so another implementation (SDV's CTGAN) can be timed on exactly it.
            CsvTable.Write(table, destination);
            Console.WriteLine($"wrote {table.Rows.Count:N0} rows × {table.Columns.Count} columns to {destination}");
            return 0;
        }
        var metadata = TableMetadata.Detect(table);
        Console.WriteLine($"CTGAN on {(path is null ? "an Adult-shaped table" : Path.GetFileName(path))}: {table.Rows.Count:N0} rows × {table.Columns.Count} columns "
            + $"(made in {clock.Elapsed.TotalSeconds:F1} s), {epochs} epochs of batch {batch}, {Environment.ProcessorCount} cores");
        Console.WriteLine("threads  transform(s)  first epoch(s)  s/epoch  CPU s/epoch  sample(s)  train GFLOP/s  matmul GFLOP/s");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        foreach (int threads in options.Ints("threads", 1, 2))
        {
            var reports = new List<(TrainingProgress Report, TimeSpan Cpu)>();
            var ctgan = new CtganSynthesizer(new CtganOptions { Epochs = epochs, BatchSize = batch, Threads = threads, Seed = seed });
            using var fitted = ctgan.FitCtgan(table, metadata, new SyncProgress(r => reports.Add((r, CpuTime()))));
            var epochTimes = reports.Where(r => r.Report.Phase == "train").Select(r => r.Report.Elapsed).Prepend(fitted.TransformFitTime).ToArray();
            var perEpoch = epochTimes.Zip(epochTimes.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
            double steady = perEpoch.Length > 1 ? perEpoch.Skip(1).Average() : perEpoch[0];
            // CPU seconds of the whole process per epoch: on a shared machine wall time mostly measures the other jobs.
            var epochCpu = reports.Where(r => r.Report.Phase is "transform" or "train").Select(r => r.Cpu).ToArray();
            var cpuPerEpoch = epochCpu.Zip(epochCpu.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
            double steadyCpu = cpuPerEpoch.Length > 1 ? cpuPerEpoch.Skip(1).Average() : cpuPerEpoch[0];
            clock.Restart();
            fitted.Sample(checked((int)table.Rows.Count));
            double sampleSeconds = clock.Elapsed.TotalSeconds;
            int stepsPerEpoch = Math.Max((int)table.Rows.Count / batch, 1);
            double gflops = StepFlops(fitted, batch) * stepsPerEpoch / steady / 1e9;
            Console.WriteLine($"{threads,7}  {fitted.TransformFitTime.TotalSeconds,12:F2}  {perEpoch[0],14:F2}  {steady,7:F2}  {steadyCpu,11:F2}  {sampleSeconds,9:F2}  {gflops,13:F2}  {MatmulGflops(threads),14:F2}");
        }
        Console.WriteLine($"peak resident memory: {PeakMemory.Megabytes():F0} MB; load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Multiply-adds × 2 of the matrix products one training step computes, from the layer sizes,
    /// with F_G the generator's forward over the batch and, per critic layer, m = packs × inputs ×
    /// outputs. Critic step: G forward (no grad); the hand-derived critic gradients
    /// (<c>CtganCriticGradients</c>) run fake, real and interpolate packs forward (3m), the
    /// input-gradient chain over all three (3m; the first layer only for interpolates, m), the
    /// penalty's chain back up (m) and the weight gradients (3m). Generator step: G forward and
    /// backward (about 3 F_G) and the critic forward and input-gradient (2m). So 4 F_G + 10 m per
    /// layer (8 m for the first); activations and optimisers are not counted. Autograd's double
    /// backward, as SDV runs it, costs about 18 m per layer.
    /// </summary>
    private static double StepFlops(FittedCtgan model, int batch)
    {
        var o = model.Options;
        int condition = model.Layout.Discrete.Sum(s => s.Width), width = model.Layout.Width;
        double generator = 0;
        int input = o.EmbeddingDim + condition;
        foreach (int h in o.GeneratorDims) { generator += (double)input * h; input += h; }
        generator = batch * (generator + (double)input * width);
        double packs = batch / o.Pac, critic = 0;
        int size = o.Pac * (width + condition);
        bool first = true;
        foreach (int h in o.DiscriminatorDims)
        {
            critic += (first ? 8 : 10) * packs * size * h + 2 * packs * size * h;
            first = false;
            size = h;
        }
        critic += 12 * packs * size;   // the output layer: forward and weight gradient over the three kinds, and the generator step's pass
        return 2 * (4 * generator + critic);
    }

    /// <summary>GFLOP/s of 512 × 512 float matrix products at <paramref name="threads"/> libtorch threads.</summary>
    private static double MatmulGflops(int threads)
    {
        int previous = torch.get_num_threads();
        torch.set_num_threads(threads);
        try
        {
            using var random = new torch.Generator(1, torch.CPU);
            using var a = torch.rand([512, 512], generator: random);
            using var b = torch.rand([512, 512], generator: random);
            for (int i = 0; i < 5; i++) torch.mm(a, b).Dispose();
            const int Repeats = 100;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Repeats; i++) torch.mm(a, b).Dispose();
            return 2.0 * 512 * 512 * 512 * Repeats / clock.Elapsed.TotalSeconds / 1e9;
        }
        finally
        {
            torch.set_num_threads(previous);
        }
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to read wall times against.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
