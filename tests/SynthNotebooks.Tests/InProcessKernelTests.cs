using Xunit.Abstractions;

namespace SynthNotebooks.Tests;

/// <summary>
/// Every notebook, cell by cell, in the real C# kernel of .NET Interactive (1.0.0-beta.26120.1) in this
/// process, loading SynthNotebooks from the packages packed from this build exactly as the first cell does.
/// Executed copies: notebooks/executed/in-process/.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class InProcessKernelTests(PackedPackages packages, ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks() => new(RepoPaths.NotebookNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_in_process_kernel(string name)
    {
        await using var kernel = new InProcessKernel();
        var run = await NotebookRunner.RunAsync(kernel, name);
        output.WriteLine($"{name}: {run.Elapsed.TotalSeconds:0.0} s in process, SynthNotebooks {packages.Version}; executed copy {run.ExecutedPath}");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
    }
}
