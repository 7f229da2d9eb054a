using System.Diagnostics;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthBench;

/// <summary>
/// How long each registered model takes to stop once its fit is cancelled: the fit runs on a worker
/// with a long schedule, the token is cancelled after a delay, and the time from Cancel() to the
/// OperationCanceledException is measured. Models that finish first are reported as such.
/// </summary>
internal static class CancellationBenchmark
{
    private static readonly Dictionary<string, (string Data, Dictionary<string, string> Extra)> Setups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cgan"] = ("penguins.csv", new() { ["condition"] = "Species" }),
        ["dp-copula"] = ("penguins.csv", new() { ["bounds-from-data"] = "true" }),
        ["timegan"] = ("seattle-weather.csv", new() { ["features"] = "precipitation,temp_max,temp_min,wind" }),
        ["arima"] = ("seattle-weather.csv", new() { ["features"] = "precipitation,temp_max,temp_min,wind" }),
        ["ar1"] = ("seattle-weather.csv", new() { ["features"] = "precipitation,temp_max,temp_min,wind" }),
        ["block-bootstrap"] = ("seattle-weather.csv", new() { ["features"] = "precipitation,temp_max,temp_min,wind" }),
    };

    /// <summary>Models trained by epochs or steps: they get a long schedule so the cancel lands mid-training.</summary>
    private static readonly HashSet<string> Iterative = new(StringComparer.OrdinalIgnoreCase) { "gan", "wgan-gp", "cgan", "ctgan", "tvae", "vae", "timegan" };

    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int delayMs = options.Int("after", 1000);
        Console.WriteLine($"cancel after {delayMs} ms; model, seconds from Cancel() to OperationCanceledException");
        foreach (var model in SynthesizerRegistry.Default.All.Select(d => d.Name))
        {
            var (data, extra) = Setups.GetValueOrDefault(model, ("penguins.csv", new Dictionary<string, string>()));
            var table = CsvTable.Read(Path.Combine(RepoRoot(), "data", data));
            var metadata = TableMetadata.Detect(table);
            var settings = new SynthesizerSettings { Seed = 1, Epochs = Iterative.Contains(model) ? 1_000_000 : null, Extra = extra };
            var synthesizer = SynthesizerRegistry.Default.Create(model, settings);

            using var cancel = new CancellationTokenSource();
            var started = Stopwatch.StartNew();
            var fit = Task.Run(() => synthesizer.Fit(table, metadata, cancellationToken: cancel.Token));
            bool finished = fit.Wait(delayMs);
            if (finished)
            {
                Console.WriteLine($"{model,-16} finished in {started.Elapsed.TotalSeconds:F2} s, before the cancel");
                (fit.Result as IDisposable)?.Dispose();
                continue;
            }
            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            try { fit.Wait(); }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException) { }
            Console.WriteLine($"{model,-16} stopped {clock.Elapsed.TotalSeconds:F3} s after Cancel()");
        }
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
