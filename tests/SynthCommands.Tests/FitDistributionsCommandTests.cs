using System.Text.Json.Nodes;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers.Statistical;
using SynthTests.Support;

namespace SynthCommands.Tests;

/// <summary><c>synth fit-distributions</c>: the fitter's ranked families per numeric column, as text and JSON.</summary>
public sealed class FitDistributionsCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-fits-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingHost host = new();
    private readonly SynthCommandExecutor executor = new(SynthesizerRegistry.Default);

    public FitDistributionsCommandTests()
    {
        Directory.CreateDirectory(directory);
        host.Tables["penguins"] = CsvTable.Read(EvaluateCommandTests.PenguinsPath());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private int Run(params string[] args) => executor.Execute(args, host);

    [Theory]
    [InlineData("aic", FitRanking.Aic)]
    [InlineData("ks", FitRanking.Ks)]
    public void Shows_the_fitters_ranking_per_numeric_column(string option, FitRanking ranking)
    {
        string json = Path.Combine(directory, "fits.json");
        Assert.Equal(0, Run("fit-distributions", "penguins", "--ranking", option, "--top", "2", "--json", json));
        Assert.Empty(host.Errors);
        var fits = Assert.Single(host.Shown.OfType<DistributionFits>());
        var penguins = host.Tables["penguins"];
        var expected = DistributionFitter.FitTable(penguins, TableMetadata.Detect(penguins), ranking);
        Assert.Equal(["Beak Depth (mm)", "Beak Length (mm)", "Body Mass (g)", "Flipper Length (mm)"], fits.Columns.Keys.Order());
        foreach (var (column, candidates) in expected)
            Assert.Equal(candidates.Select(c => (c.Family, c.Aic)), fits.Columns[column].Select(c => (c.Family, c.Aic)));
        string text = TextRendering.Render(fits);
        var best = fits.Columns["Body Mass (g)"][0];
        Assert.Contains($"Body Mass (g)", text);
        Assert.Contains(best.Distribution.ToString()!, text);
        // --top 2: two rows per column below the table's rule line.
        var lines = text.Split('\n');
        Assert.Equal(2 * 4, lines.Length - 1 - Array.FindIndex(lines, l => l.StartsWith("----", StringComparison.Ordinal)));

        var node = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(option, (string)node["ranking"]!);
        var mass = node["columns"]!["Body Mass (g)"]!.AsArray();
        Assert.Equal(expected["Body Mass (g)"].Count, mass.Count); // the JSON has every family, not only the top
        Assert.Equal(best.Family.ToString(), (string)mass[0]!["family"]!);
    }

    [Theory]
    [InlineData("Option '--ranking': must be aic or ks", "--ranking", "bic")]
    [InlineData("Option '--top': must be at least 1", "--top", "0")]
    [InlineData("Option '--columns': 'Species' is not a numeric column", "--columns", "Species")]
    public void Mistakes_name_the_option(string message, params string[] options)
    {
        Assert.Equal(ExitCodes.DataOrOptionError, Run(["fit-distributions", "penguins", .. options]));
        Assert.Contains(message, Assert.Single(host.Errors));
    }
}
