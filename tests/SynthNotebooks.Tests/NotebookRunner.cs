using System.Diagnostics;
using System.Globalization;

namespace SynthNotebooks.Tests;

/// <summary>A notebook run through a kernel: the executed copy's path, each cell's run, and what went wrong.</summary>
internal sealed record NotebookRun(string Name, string ExecutedPath, IReadOnlyList<(CodeCell Cell, CellRun Run)> Cells, IReadOnlyList<string> Failures, TimeSpan Elapsed);

/// <summary>
/// Runs every code cell of a notebook, in order, through a kernel, and checks each: no CommandFailed, no
/// error shown, every expected text (<c>synthNotebooks.expect</c>) in its outputs, and a training cell's live
/// progress shown as one display that is then updated in place. Carries on past a failing cell, so one run
/// reports them all. Writes the executed copy (with outputs) and appends the wall times to
/// notebooks/executed/&lt;kernel&gt;/wall-times.txt.
/// </summary>
internal static class NotebookRunner
{
    public static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(15);

    public static async Task<NotebookRun> RunAsync(INotebookKernel kernel, string name)
    {
        var document = NotebookDocument.Read(Path.Combine(RepoPaths.Notebooks, name));
        var cells = new List<(CodeCell, CellRun)>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int executionCount = 0;
        foreach (var cell in document.CodeCells())
        {
            var run = await kernel.RunAsync(cell, CellTimeout);
            document.SetOutputs(cell, run.Outputs, ++executionCount);
            cells.Add((cell, run));
            failures.AddRange(Problems(cell, run).Select(problem => $"cell {cell.Index}: {problem}"));
        }
        var elapsed = clock.Elapsed;
        string folder = RepoPaths.Executed(kernel.Name);
        string path = Path.Combine(folder, name);
        document.Write(path);
        string slowest = string.Join(", ", cells.OrderByDescending(c => c.Item2.Elapsed).Take(3)
            .Select(c => $"cell {c.Item1.Index} {c.Item2.Elapsed.TotalSeconds:0.0} s"));
        File.AppendAllText(Path.Combine(folder, "wall-times.txt"), string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z  {kernel.Name,-10}  {name,-34}  {elapsed.TotalSeconds,6:0.0} s  (slowest: {slowest}){Environment.NewLine}"));
        return new NotebookRun(name, path, cells, failures, elapsed);
    }

    private static IEnumerable<string> Problems(CodeCell cell, CellRun run)
    {
        if (run.Failure is { } failure) yield return $"failed: {failure}";
        foreach (var error in run.Errors.Where(e => e != run.Failure)) yield return $"showed an error: {error}";
        string text = run.Text();
        foreach (var expected in cell.Expected.Where(e => !text.Contains(e, StringComparison.Ordinal)))
            yield return $"expected output containing '{expected}' is missing.";
        if (cell.ShowsTraining && !run.DisplayIds.Any(d => d.Produced == 1 && d.Updated > 0))
            yield return "the training progress was not one display updated in place (DisplayedValueProduced, then DisplayedValueUpdated with its id).";
        foreach (var d in run.DisplayIds.Where(d => d.Produced > 1))
            yield return $"display {d.ValueId} was produced {d.Produced} times.";
    }
}
