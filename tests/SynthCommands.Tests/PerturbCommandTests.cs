using Microsoft.Data.Analysis;
using SynthCore.Anonymization;
using SynthCore.Data;
using SynthCore.Registry;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth perturb</c>: the library's perturbation on a table, written to --out, summarised per column.</summary>
public sealed class PerturbCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-perturb-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public PerturbCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Fact]
    public void Writes_the_perturbed_table_and_shows_each_column_before_and_after()
    {
        string output = Path.Combine(directory, "noisy.csv");
        Assert.Equal(0, Run("perturb", "penguins", "--out", output, "--scale", "0.2", "--swap-rate", "0.1", "--seed", "5", "--into", "noisy"));
        Assert.Empty(host.Errors);
        var penguins = host.Tables["penguins"];
        var metadata = TableMetadata.Detect(penguins);
        var expected = Perturbation.Apply(penguins, metadata, new PerturbationOptions { Scale = 0.2, SwapRate = 0.1, Seed = 5 });
        var written = CsvTable.Read(output);
        Assert.Equal(penguins.Rows.Count, written.Rows.Count);
        Assert.Equal(expected.Table["Body Mass (g)"].Cast<object>().Select(Convert.ToDouble), written["Body Mass (g)"].Cast<object>().Select(Convert.ToDouble));
        Assert.Equal(expected.Table["Species"], written["Species"]);
        Assert.Equal(7, Assert.IsType<DataFrame>(host.Stored["noisy"]).Columns.Count);

        var summary = Assert.Single(host.Shown.OfType<PerturbationSummary>());
        Assert.Equal(expected.Columns, summary.Columns);
        string text = TextRendering.Render(summary);
        Assert.Contains("Gaussian noise of 0.2 x each numeric column's std, not clipped", text);
        Assert.Contains("mean before", text);
        Assert.Matches(@"Species\s+categorical\s+swap", text);
        Assert.Contains(host.Lines, l => l.StartsWith($"Wrote {penguins.Rows.Count} rows x 7 columns to {output}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_forced()
    {
        string output = Path.Combine(directory, "kept.csv");
        File.WriteAllText(output, "mine");
        Assert.Equal(ExitCodes.DataOrOptionError, Run("perturb", "penguins", "--out", output));
        Assert.Contains("--force", Assert.Single(host.Errors));
        Assert.Equal("mine", File.ReadAllText(output));
        host.Errors.Clear();
        Assert.Equal(0, Run("perturb", "penguins", "--out", output, "--force", "--columns", "Body Mass (g)", "--clip"));
        Assert.Equal(host.Tables["penguins"].Rows.Count, CsvTable.Read(output).Rows.Count);
    }

    [Theory]
    [InlineData("Option '--scale': must be 0 or more", "--scale", "-0.5")]
    [InlineData("Option '--scale': 'lots' is not a number", "--scale", "lots")]
    [InlineData("Option '--swap-rate': must be between 0 and 1", "--swap-rate", "1.5")]
    [InlineData("Option '--columns': unknown column 'Wings'", "--columns", "Wings")]
    [InlineData("Option '--columns': 'Island' is categorical: add --swap-rate", "--columns", "Island")]
    [InlineData("Option '--seed': 'x' is not a whole number", "--seed", "x")]
    public void Mistakes_name_the_option(string message, params string[] options)
    {
        string output = Path.Combine(directory, "never.csv");
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["perturb", "penguins", "--out", output, .. options]));
        Assert.Contains(message, Assert.Single(host.Errors));
        Assert.False(File.Exists(output));
    }
}
