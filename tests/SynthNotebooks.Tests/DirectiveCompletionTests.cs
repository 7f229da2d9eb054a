namespace SynthNotebooks.Tests;

/// <summary>
/// Once the package is loaded, the kernel knows <c>#!synth</c>'s subcommands and options (declared by
/// extension.dib from the shared grammar), so VS Code completes them.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class DirectiveCompletionTests(PackedPackages packages)
{
    [Fact]
    public async Task The_kernel_completes_synth_subcommands_and_their_options()
    {
        Assert.NotNull(packages.Version);
        await using var kernel = new InProcessKernel();
        var load = NotebookDocument.Read(Path.Combine(RepoPaths.Notebooks, RepoPaths.NotebookNames().First())).CodeCells().First();
        var loaded = await kernel.RunAsync(load, NotebookRunner.CellTimeout);
        Assert.Null(loaded.Failure);

        var subcommands = await kernel.CompletionsAsync("#!synth ");
        Assert.Contains("fit", subcommands);
        Assert.Contains("sample", subcommands);
        Assert.Contains("evaluate", subcommands);

        var options = await kernel.CompletionsAsync("#!synth fit penguins ");
        Assert.Contains("--model", options);
        Assert.Contains("--epochs", options);
        Assert.DoesNotContain("--kind", options); // plot's option, not fit's
    }
}
