using System.Diagnostics;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural;

namespace SynthBench;

/// <summary>
/// Training speed of the screen-time GAN on data/screentime.csv: steps per second for each
/// libtorch thread count asked for, then the peak resident memory of the whole run.
/// </summary>
internal static class GanBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int steps = options.Int("steps", 2000);
        int batch = options.Int("batch", 128);
        string path = options.Text("data", Path.Combine(RepoRoot(), "data", "screentime.csv"));
        var table = CsvTable.Read(path);
        var metadata = TableMetadata.Detect(table);

        Console.WriteLine($"GAN on {Path.GetFileName(path)} ({table.Rows.Count} rows), {steps} steps of batch {batch}, {Environment.ProcessorCount} cores");
        Console.WriteLine("threads  seconds  steps/s  sample 10k rows (s)");
        foreach (int threads in options.Ints("threads", 1, 2))
        {
            var gan = new GanSynthesizer(new GanOptions { Steps = steps, BatchSize = batch, Threads = threads, Seed = 42 });
            var clock = Stopwatch.StartNew();
            using var fitted = (FittedGan)gan.Fit(table, metadata);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            fitted.Sample(10_000);
            Console.WriteLine($"{threads,7}  {fitSeconds,7:F1}  {steps / fitSeconds,7:F0}  {clock.Elapsed.TotalSeconds,19:F2}");
        }
        Console.WriteLine($"peak resident memory: {PeakMemory.Megabytes():F0} MB");
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
