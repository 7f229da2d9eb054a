using System.Text.Json;
using System.Text.Json.Nodes;

namespace SynthNotebooks.Tests;

/// <summary>
/// Executes every walkthrough notebook under notebooks/ cell by cell and fails on any cell error or
/// missing expected output. The executed copies, with outputs, are written to notebooks/executed/
/// (ignored by git), never over the tracked notebooks.
/// </summary>
public sealed class NotebookExecutionTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_every_cell_with_its_expected_outputs(string name)
    {
        // Notebooks use paths relative to the repository root (data/…, outputs/…), like the CLI examples.
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepoPaths.Root);
        try
        {
            var runner = new NotebookRunner();
            var executed = await runner.RunAsync(Path.Combine(RepoPaths.Notebooks, name));
            Directory.CreateDirectory(RepoPaths.Executed);
            await File.WriteAllTextAsync(Path.Combine(RepoPaths.Executed, name), executed.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

            Assert.True(runner.Failures.Count == 0, string.Join("\n", runner.Failures.Select(f => $"cell {f.Cell}: {f.Message}")));
            var codeCells = executed["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToArray();
            Assert.NotEmpty(codeCells);
            Assert.All(codeCells, c => Assert.NotNull(c!["execution_count"]));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }
}
