using SynthCommands;
using SynthCore.Registry;
using SynthKernelExtension.Formatters;

namespace SynthKernelExtension.Notebook;

/// <summary>
/// The <c>#!synth</c> magics of one notebook: the kernel glue makes one session when the extension
/// loads and hands it each <c>#!synth …</c> line. Runs the line with the same executor as the CLI
/// against a <see cref="NotebookHost"/>, then binds the results to variables.
/// </summary>
public sealed class NotebookSession
{
    private readonly INotebookKernel kernel;
    private readonly SynthCommandExecutor executor;

    public NotebookSession(INotebookKernel kernel, SynthesizerRegistry? registry = null)
    {
        this.kernel = kernel;
        executor = new SynthCommandExecutor(registry);
        SynthFormatters.Register();
    }

    /// <summary>Runs one magic line (with or without the leading <c>#!synth</c>) and returns its exit code (<see cref="ExitCodes"/>).</summary>
    public async Task<int> RunAsync(string commandLine, CancellationToken cancellationToken = default)
    {
        var host = new NotebookHost(kernel);
        int code = executor.Execute(commandLine, host, cancellationToken);
        await host.FinishAsync(code);
        return code;
    }

    /// <summary>Recovers the typed <c>#!synth</c> lines for the kernel glue.</summary>
    public MagicLines Lines { get; } = new();
}
