using SynthKernelExtension.Tests.Browser;

namespace SynthNotebooks.Tests;

/// <summary>
/// Opens each output of an executed notebook that holds a chart in headless Chromium, on its own page, as a
/// front end that isolates outputs shows it (or as a reopened notebook shows it before any cell runs again),
/// and reports outputs whose charts did not all draw or that raised a JavaScript error. The pages go beside
/// the executed copy (notebooks/executed/&lt;kernel&gt;/&lt;notebook&gt;/cell-C-output-O.html), with a screenshot
/// of the notebook's first chart output (&lt;notebook&gt;.png).
/// </summary>
internal static class ChartOutputs
{
    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(2);

    public static async Task<List<string>> CheckAsync(NotebookRun run)
    {
        var problems = new List<string>();
        string stem = Path.GetFileNameWithoutExtension(run.Name);
        string folder = Path.Combine(Path.GetDirectoryName(run.ExecutedPath)!, stem);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        bool screenshotTaken = false;
        foreach (var (cell, cellRun) in run.Cells)
        {
            foreach (var (output, html) in cellRun.ChartOutputs())
            {
                string page = Path.Combine(folder, $"cell-{cell.Index}-output-{output}.html");
                await File.WriteAllTextAsync(page, HeadlessChromium.WrapOutput(html, $"{run.Name}, cell {cell.Index}, output {output}"));
                string? screenshot = screenshotTaken ? null : Path.Combine(Path.GetDirectoryName(run.ExecutedPath)!, stem + ".png");
                screenshotTaken = true;
                var seen = await HeadlessChromium.OpenAsync(page, screenshot, PageTimeout);
                string where = $"cell {cell.Index}, output {output} ({Path.GetFileName(page)})";
                if (seen.ChartDivs == 0 || seen.DrawnPlots != seen.ChartDivs)
                    problems.Add($"{where}: {seen.DrawnPlots} of {seen.ChartDivs} charts drew.");
                problems.AddRange(seen.JavaScriptErrors.Select(e => $"{where}: JavaScript error: {e}"));
            }
        }
        if (!screenshotTaken) problems.Add("no output holds a chart; every walkthrough draws at least one.");
        return problems;
    }
}
