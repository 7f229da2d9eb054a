using System.Runtime.InteropServices;
using SynthCore.Registry;
using SynthDatabases;

namespace SynthCli;

/// <summary>The <c>synth</c> tool: parses the command line with the shared grammar and runs it on the console.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        bool interactive = !Console.IsOutputRedirected;
        // On a terminal Spectre detects its width, colours and ANSI support (and follows a resized window).
        var host = new ConsoleHost(Console.Out, Console.Error, interactive, terminalWidth: null,
            terminal: interactive ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }) : null);
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C cancels cleanly (no partial files); a second one ends the process at once.
            if (cancellation.IsCancellationRequested)
            {
                host.RestoreCursor();
                return;
            }
            e.Cancel = true;
            cancellation.Cancel();
        };
        // A polite stop from outside (kill, a CI timeout, docker stop) cancels the same way.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (cancellation.IsCancellationRequested) return;
            context.Cancel = true;
            cancellation.Cancel();
        });
        return Run(args, host, cancellation.Token);
    }

    /// <summary>
    /// The entry point without the process around it, for tests: a host, a token, and optionally another registry. The
    /// console reads databases (<c>--from sqlite:FILE</c>, <c>duckdb:FILE</c>); the notebook package does not carry them.
    /// </summary>
    internal static int Run(string[] args, ConsoleHost host, CancellationToken cancellationToken, SynthesizerRegistry? registry = null)
    {
        try
        {
            using var drawing = host.DrawTables();
            return new SynthCommandExecutor(registry, DatabaseSources.All).Execute(args, host, cancellationToken);
        }
        finally
        {
            host.CloseProgress();
        }
    }
}
