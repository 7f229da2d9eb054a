using Xunit.Abstractions;

namespace SynthNotebooks.Tests;

/// <summary>
/// Every notebook, cell by cell, in the dotnet-interactive tool that Polyglot Notebooks runs (1.0.712001,
/// from the repository's tool manifest; `dotnet tool restore` installs it), over stdio, started in
/// notebooks/ as a front end starts it; then each chart output opened alone in headless Chromium must draw.
/// Executed copies, chart pages and a screenshot per notebook: notebooks/executed/stdio/.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class StdioKernelTests(PackedPackages packages, ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks() => new(RepoPaths.NotebookNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_dotnet_interactive_over_stdio(string name)
    {
        NotebookRun run;
        await using (var kernel = await StdioKernel.StartAsync())
            run = await NotebookRunner.RunAsync(kernel, name);
        output.WriteLine($"{name}: {run.Elapsed.TotalSeconds:0.0} s in dotnet-interactive stdio, SynthNotebooks {packages.Version}; executed copy {run.ExecutedPath}");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
        // What the user sees: every chart output, opened alone in a real browser, draws without errors.
        var chartProblems = await ChartOutputs.CheckAsync(run);
        Assert.True(chartProblems.Count == 0, string.Join("\n", chartProblems));
    }
}
