using System.Globalization;
using SynthCore.Data;
using SynthCore.Training;

namespace SynthCli.Tests;

/// <summary>TVAE with DP-SGD through the CLI on the bundled penguins: ε printed, rows written with missing values.</summary>
public sealed class CliTvaeTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string Penguins()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return Path.Combine(dir.FullName, "data", "penguins.csv");
        throw new InvalidOperationException("SynthNotebooks.sln not found above the test binaries.");
    }

    [Fact]
    public void Run_tvae_with_dp_sgd_prints_the_accountants_epsilon()
    {
        string outDir = sandbox.PathOf("out");
        var result = CliSandbox.Run(SynthCore.Registry.SynthesizerRegistry.Default,
            "run", Penguins(), "--model", "tvae", "--epochs", "2", "--seed", "1", "--option", "dp-noise-multiplier=1.1", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.Err);

        // The default batch (500) exceeds the 344 rows: q = 1, one step per epoch, so no amplification by sampling.
        double epsilon = new RdpAccountant().Compose(1, 1.1, 2).GetEpsilon(1e-5).Epsilon;
        Assert.Contains("Privacy: the encoder and decoder were trained with DP-SGD: (ε = " + epsilon.ToString("G4", CultureInfo.InvariantCulture)
            + ", δ = 1E-05) by the RDP accountant over 2 steps; the networks are covered, the column ranges, mixture modes, category sets and missing rates are not.", result.Out);
        var table = CsvTable.Read(Assert.Single(Directory.GetFiles(outDir)));
        Assert.Equal(344, table.Rows.Count);
        Assert.Equal(["Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex"], table.Columns.Select(c => c.Name));
    }
}
