using System.Diagnostics;
using System.Text.Json.Nodes;
using SynthCore.Data;

namespace SynthCli.Tests;

/// <summary>The shipped registry's GAN through the CLI, with few, small steps to keep the run short.</summary>
public sealed class CliGanTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Models_lists_the_gan()
    {
        var result = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default, "models");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\ngan\s+\S", "\n" + result.Out);
    }

    [Fact]
    public void Run_with_the_gan_writes_csv_json_and_per_report_timings()
    {
        string outDir = sandbox.PathOf("out");
        string json = sandbox.PathOf("run.json");
        var result = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default,
            "run", sandbox.People(), "--model", "gan", "--epochs", "20", "--batch-size", "16", "--seed", "3",
            "--option", "progress-every=5", "--option", "latent-dim=16", "--out", outDir, "--json", json);
        Assert.True(result.ExitCode == 0, result.Err);

        string csv = Assert.Single(Directory.GetFiles(outDir));
        var table = CsvTable.Read(csv);
        Assert.Equal(40, table.Rows.Count);
        Assert.Equal(["age", "income", "city", "member"], table.Columns.Select(c => c.Name));
        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("gan", (string)node["model"]!);
        Assert.Equal(3, (int)node["seed"]!);
        // One progress report per 5 steps of 20 → four intervals.
        var epochs = node["timings"]!["epoch_seconds"]!.AsArray().Select(x => (double)x!).ToArray();
        Assert.Equal(4, epochs.Length);
        Assert.All(epochs, s => Assert.True(s > 0));
        Assert.InRange(epochs.Sum(), 0, (double)node["timings"]!["fit_seconds"]! + 0.01);
        Assert.Equal(4, result.Out.Split('\n').Count(l => l.StartsWith("train [")));
        Assert.Contains("Frobenius norm of the difference", result.Out);
    }

    [Fact]
    public async Task Terminating_a_fit_exits_130_and_leaves_no_model_file()
    {
        // SIGTERM rather than SIGINT: a test runner started in the background inherits an ignored
        // SIGINT, which the runtime keeps ignoring; both signals go to the same cancellation.
        using var process = CliProcess.Start(sandbox.Directory, "fit", sandbox.People(), "--model", "gan",
            "--epochs", "100000", "--batch-size", "16", "--option", "progress-every=1", "--out", "m.synth");
        var error = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("train [")) { }
        Assert.NotNull(line);
        Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
        var rest = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("error: cancelled; no output files were written.", (await error).Trim());
        Assert.Equal(["people.csv"], Directory.GetFileSystemEntries(sandbox.Directory).Select(Path.GetFileName));
        Assert.DoesNotContain("Saved", await rest);
    }
}
