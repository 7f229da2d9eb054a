using System.Diagnostics;
using System.Text;
using SynthCore.Registry;
using SynthCore.Resources;
using SynthCore.Tests.Reliability;

namespace SynthCli.Tests;

/// <summary>
/// The resource limits through the command line: requests too large for the memory or disk, huge thread
/// counts and batches, endless devices and hostile model files end in exit 1 with one clear error naming the
/// option, never exit 3; Ctrl+C stops run's comparison within a second.
/// </summary>
public sealed class CliLimitTests : IDisposable
{
    /// <summary>What <c>DOTNET_GCHeapHardLimit</c> gives a child process: 3 GiB, where 10,000 columns used to end in exit 3.</summary>
    private static readonly Dictionary<string, string> ThreeGiB = new() { ["DOTNET_GCHeapHardLimit"] = "0xC0000000" };

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private string Wide(int columns, int rows)
    {
        var csv = new StringBuilder(string.Join(',', Enumerable.Range(0, columns).Select(c => $"c{c}"))).Append('\n');
        for (int r = 0; r < rows; r++)
            csv.AppendJoin(',', Enumerable.Range(0, columns).Select(c => (r * 7919L + c * 104729L) % 1000)).Append('\n');
        return sandbox.WriteCsv($"wide{columns}.csv", csv.ToString());
    }

    private static void AssertOneError(CliSandbox.Result result, int code, params string[] expected)
    {
        Assert.True(result.ExitCode == code, $"exit {result.ExitCode}, expected {code}: {result.Err}");
        string error = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: ", error);
        foreach (string part in expected) Assert.Contains(part, error);
    }

    [Fact]
    public void Run_with_int_max_rows_is_an_option_error_under_a_3_GiB_limit()
    {
        var result = CliProcess.Run(sandbox.Directory, ThreeGiB, "run", sandbox.People(), "--model", "bootstrap", "--rows", "2147483647", "--out", "out");

        AssertOneError(result, 1, "Option '--rows': 2,147,483,647 is too large: at most", "rows of 4 columns fit in the free memory");
        Assert.False(Directory.Exists(sandbox.PathOf("out")));
    }

    [Fact]
    public void Sample_refuses_rows_whose_csv_would_not_fit_on_the_free_disk()
    {
        string model = sandbox.PathOf("m.synth");
        Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "bootstrap", "--out", model).ExitCode);

        using (ResourceGuard.Use(diskBytes: ResourceGuard.DiskReserveBytes + 1_000_000))
        {
            var result = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "10000000", "--out", sandbox.PathOf("out"));
            AssertOneError(result, 1, "Option '--rows': 10,000,000 is too large: at most", "fit on the free disk");
            Assert.False(Directory.Exists(sandbox.PathOf("out")));

            Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "100", "--out", sandbox.PathOf("out")).ExitCode);
        }
    }

    [Fact]
    public void Ten_thousand_columns_under_3_GiB_are_refused_by_the_copula_fit_and_by_runs_comparison()
    {
        string wide = Wide(10_000, 30);

        var fit = CliProcess.Run(sandbox.Directory, ThreeGiB, "fit", wide, "--model", "copula", "--out", "m.synth");
        var run = CliProcess.Run(sandbox.Directory, ThreeGiB, "run", wide, "--model", "bootstrap", "--out", "out");

        AssertOneError(fit, 1, "Fitting 'copula' to 30 rows × 10,000 columns would need about", "leave out columns");
        AssertOneError(run, 1, "Comparing 30 rows × 10,000 columns would need about", "Every pair of columns is compared");
        Assert.False(File.Exists(sandbox.PathOf("m.synth")));
        Assert.False(Directory.Exists(sandbox.PathOf("out")));
    }

    [Fact]
    public void A_500_MiB_field_under_3_GiB_is_an_error_not_a_crash()
    {
        string path = sandbox.PathOf("field.csv");
        using (var file = File.Create(path))
        {
            file.Write("a,b\n1,\""u8);
            var block = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (int i = 0; i < 500; i++) file.Write(block);
            file.Write("\"\n"u8);
        }

        var result = CliProcess.Run(sandbox.Directory, ThreeGiB, "describe", path);

        AssertOneError(result, 1, "field.csv: is too large to read: 500 MiB");
    }

    [Theory]
    [InlineData("/dev/zero", "line 1 is longer than 64 MiB")]
    [InlineData("/dev/urandom", "not valid UTF-8")]
    public void Endless_devices_fail_fast(string device, string expected)
    {
        if (!File.Exists(device)) return;
        var clock = Stopwatch.StartNew();

        var result = CliSandbox.Run(SynthesizerRegistry.Default, "run", device, "--model", "bootstrap", "--out", sandbox.PathOf("out"));

        AssertOneError(result, 1, expected);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Threads_beyond_the_processors_are_refused_by_name()
    {
        var result = CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "gan", "--epochs", "1", "--option", "threads=100000", "--out", sandbox.PathOf("m.synth"));

        AssertOneError(result, 1, "Option 'threads': must be 1 to", "got 100,000");
    }

    [Fact]
    public void A_batch_larger_than_the_table_is_noted_and_one_larger_than_the_memory_refused()
    {
        var noted = CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "gan", "--epochs", "1", "--batch-size", "64", "--out", sandbox.PathOf("m.synth"));
        Assert.True(noted.ExitCode == 0, noted.Err);
        Assert.Contains("Note: --batch-size 64 is more than the table's 40 rows", noted.Out);

        var refused = CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "ctgan", "--epochs", "1", "--batch-size", "2147483640", "--out", sandbox.PathOf("m2.synth"));
        AssertOneError(refused, 1, "Option '--batch-size': 2,147,483,640 is too large: at most");
    }

    [Fact]
    public void A_model_file_with_options_fit_would_refuse_is_not_sampled()
    {
        string model = sandbox.PathOf("m.synth");
        Assert.Equal(0, CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "copula", "--out", model).ExitCode);
        var parts = ModelFileBytes.Parse(File.ReadAllBytes(model));
        parts.Header["options"]!["marginals"] = "bogus";
        File.WriteAllBytes(model, parts.ToBytes());

        var result = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "5", "--out", sandbox.PathOf("out"));

        AssertOneError(result, 1, "'marginals': must be one of empirical, parametric, got 'bogus'");
    }

    [Fact]
    public async Task Ctrl_c_stops_runs_comparison_within_a_second()
    {
        // 2,000 columns: reading and the bootstrap fit take well under a second, the comparison about three.
        string wide = Wide(2_000, 60);
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => CliSandbox.Run(SynthesizerRegistry.Default, interactive: false, cancellation.Token,
            "run", wide, "--model", "bootstrap", "--out", sandbox.PathOf("out")));
        await Task.Delay(1500);
        Assert.False(run.IsCompleted, "run finished before it could be cancelled; make the table wider");

        cancellation.Cancel();
        var clock = Stopwatch.StartNew();
        var result = await run;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopped {clock.Elapsed} after Ctrl+C");
        AssertOneError(result, 130, "cancelled");
        Assert.False(Directory.Exists(sandbox.PathOf("out")) && Directory.EnumerateFiles(sandbox.PathOf("out")).Any());
    }

    [Fact]
    public async Task Ctrl_c_while_runs_report_is_built_leaves_no_csv_behind()
    {
        // 600 columns: the comparison and the export take a second or two, the report's quality metrics longer.
        string wide = Wide(600, 60);
        string outDir = sandbox.PathOf("out"), report = sandbox.PathOf("report.html");
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => CliSandbox.Run(SynthesizerRegistry.Default, interactive: false, cancellation.Token,
            "run", wide, "--model", "bootstrap", "--out", outDir, "--report", report));
        var waited = Stopwatch.StartNew();
        while (!(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir, "*.csv").Any()) && !run.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(20);
        Assert.False(run.IsCompleted, "run finished before its report could be cancelled; make the table wider");

        cancellation.Cancel();
        var result = await run;

        AssertOneError(result, 130, "cancelled; no output files were written");
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
        Assert.False(File.Exists(report));
    }
}
