using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reactive.Linq;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace SynthNotebooks.Tests;

/// <summary>
/// The real C# kernel of .NET Interactive in this process, composed as the dotnet-interactive tool composes
/// it: a CompositeKernel around a CSharpKernel with <c>#r "nuget:"</c> (whose resolved assemblies become the
/// kernel's references), the kernel helpers (<c>display</c>, <c>HTML</c>), value sharing, and the extensions
/// of every package added: IKernelExtension types in its interactive-extensions/dotnet folder, then its
/// extension.dib run as a notebook (as the tool's package-directory extension loader does).
/// The working directory is set to notebooks/ while a cell runs, as a front end starts the kernel there.
/// </summary>
internal sealed class InProcessKernel : INotebookKernel
{
    private readonly CompositeKernel kernel;
    private readonly ConcurrentQueue<PackageAdded> packagesToLoad = new();
    private readonly HashSet<string> loadedExtensionFolders = new(StringComparer.Ordinal);

    public InProcessKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, resolved) =>
            {
                k.AddAssemblyReferences(resolved.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        kernel.KernelEvents.OfType<PackageAdded>().Subscribe(packagesToLoad.Enqueue);
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (packagesToLoad.TryDequeue(out var added))
                await LoadExtensionsAsync(added.PackageReference.PackageRoot, context);
        });
    }

    public string Name => "in-process";

    public async Task<CellRun> RunAsync(CodeCell cell, TimeSpan timeout)
    {
        var run = new CellRun();
        string previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepoPaths.Notebooks);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await kernel.SendAsync(new SubmitCode(cell.Code, cell.KernelName)).WaitAsync(timeout);
            foreach (var e in result.Events) Record(run, e);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
        run.Elapsed = clock.Elapsed;
        return run;
    }

    /// <summary>What the kernel offers to complete at the end of <paramref name="code"/> (one line), as VS Code asks for it.</summary>
    public async Task<IReadOnlyList<string>> CompletionsAsync(string code)
    {
        var result = await kernel.SendAsync(new RequestCompletions(code, new LinePosition(0, code.Length), "csharp"));
        return result.Events.OfType<CompletionsProduced>().SelectMany(c => c.Completions).Select(c => c.InsertText ?? c.DisplayText).ToArray();
    }

    private static void Record(CellRun run, KernelEvent e)
    {
        switch (e)
        {
            case DisplayedValueUpdated updated:
                run.Updated(updated.ValueId, Formatted(updated));
                break;
            case ReturnValueProduced returned:
                run.Returned(Formatted(returned));
                break;
            case StandardOutputValueProduced output:
                run.StandardOutput(string.Concat(Formatted(output).Where(f => f.MimeType == "text/plain").Select(f => f.Value)));
                break;
            case StandardErrorValueProduced error:
                run.StandardError(string.Concat(Formatted(error).Where(f => f.MimeType == "text/plain").Select(f => f.Value)));
                break;
            case DisplayedValueProduced produced:
                run.Displayed(produced.ValueId, Formatted(produced));
                break;
            case ErrorProduced error:
                run.Error(error.Message);
                break;
            case CommandFailed failed:
                run.Failed(failed.Message);
                break;
        }
    }

    private static IReadOnlyList<(string MimeType, string Value)> Formatted(DisplayEvent e) =>
        e.FormattedValues.Where(f => !f.SuppressDisplay).Select(f => (f.MimeType, f.Value)).ToArray();

    private async Task LoadExtensionsAsync(string? packageRoot, KernelInvocationContext context)
    {
        if (packageRoot is null) return;
        var folder = new DirectoryInfo(Path.Combine(packageRoot, "interactive-extensions", "dotnet"));
        if (!folder.Exists || !loadedExtensionFolders.Add(folder.FullName)) return;
        foreach (var dll in folder.GetFiles("*.dll"))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll.FullName);
            foreach (var type in assembly.ExportedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
                await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel);
        }
        var script = new FileInfo(Path.Combine(folder.FullName, "extension.dib"));
        if (script.Exists) await kernel.LoadAndRunInteractiveDocument(script, context.Command);
    }

    public ValueTask DisposeAsync()
    {
        kernel.Dispose();
        return ValueTask.CompletedTask;
    }
}
