using System.Text.Json.Nodes;
using SynthCore.Data;
using SynthCore.Registry;

namespace SynthCli.Tests;

/// <summary>The statistical models through the CLI: listed, fitted, saved, sampled, and run with --augment.</summary>
public sealed class CliStatisticalTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Models_lists_copula_distributions_and_bootstrap()
    {
        var result = CliSandbox.Run(SynthesizerRegistry.Default, "models");
        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "copula", "distributions", "bootstrap" }) Assert.Matches($@"\n{name}\s+\S", "\n" + result.Out);
    }

    [Fact]
    public void Run_augment_writes_real_and_synthetic_rows_with_their_source()
    {
        string outDir = sandbox.PathOf("out");
        var result = CliSandbox.Run(SynthesizerRegistry.Default,
            "run", sandbox.People(), "--model", "copula", "--option", "marginals=parametric", "--rows", "25", "--augment", "--seed", "4", "--out", outDir, "--json", sandbox.PathOf("run.json"));
        Assert.True(result.ExitCode == 0, result.Err);
        var table = CsvTable.Read(Assert.Single(Directory.GetFiles(outDir)));
        Assert.Equal(["age", "income", "city", "member", "source"], table.Columns.Select(c => c.Name));
        Assert.Equal(65, table.Rows.Count);
        Assert.Equal(40, Enumerable.Range(0, 65).Count(r => (string)table.Columns["source"][r] == "real"));
        var json = JsonNode.Parse(File.ReadAllText(sandbox.PathOf("run.json")))!;
        Assert.True((bool)json["augmented"]!);
        Assert.Equal("copula", (string)json["model"]!);
    }

    [Fact]
    public void Fit_then_sample_a_saved_distributions_model_and_bad_options_fail_by_name()
    {
        string model = sandbox.PathOf("d.synth");
        var fit = CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "distributions", "--option", "joint=copula", "--out", model);
        Assert.True(fit.ExitCode == 0, fit.Err);
        var sample = CliSandbox.Run(SynthesizerRegistry.Default, "sample", model, "--rows", "30", "--seed", "2", "--out", sandbox.PathOf("s"));
        Assert.True(sample.ExitCode == 0, sample.Err);
        Assert.Equal(30, CsvTable.Read(Assert.Single(Directory.GetFiles(sandbox.PathOf("s")))).Rows.Count);

        var bad = CliSandbox.Run(SynthesizerRegistry.Default, "fit", sandbox.People(), "--model", "bootstrap", "--epochs", "5", "--out", sandbox.PathOf("b.synth"));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--epochs", bad.Err);
        Assert.False(File.Exists(sandbox.PathOf("b.synth")));
    }
}
