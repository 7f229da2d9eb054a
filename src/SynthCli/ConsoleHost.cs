using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Training;

namespace SynthCli;

/// <summary>
/// The console's side of the commands: names are file paths, results are text, progress is Spectre.Console's live
/// bar on a terminal, or a few plain lines when output is redirected; tables are Spectre's on a terminal, plain otherwise.
/// </summary>
internal sealed class ConsoleHost : ISynthHost
{
    /// <summary>With redirected output, a progress line is written each time another 1/<c>PlainLineSteps</c> of a phase is done.</summary>
    public const int PlainLineSteps = 20;

    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly TerminalProgress? liveProgress; // null when output is redirected
    private readonly TerminalTables? tables; // null when output is redirected
    private readonly object gate = new();

    /// <param name="interactive">Output is a terminal: progress is drawn live in place, tables by Spectre.</param>
    /// <param name="terminalWidth">Columns of the terminal; without it Spectre asks the console.</param>
    /// <param name="terminal">
    /// The terminal's Spectre console (what it supports detected); without one, <paramref name="output"/> is taken for a
    /// terminal that understands ANSI codes without colours (what the tests read).
    /// </param>
    public ConsoleHost(TextWriter output, TextWriter error, bool interactive, int? terminalWidth = null, IAnsiConsole? terminal = null)
    {
        this.output = output;
        this.error = error;
        if (!interactive) return;
        terminal ??= AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        if (terminalWidth is int width) terminal.Profile.Width = Math.Max(20, width);
        liveProgress = new TerminalProgress(terminal);
        tables = new TerminalTables(terminal);
    }

    public DataFrame ResolveTable(string name) => TableFile.Read(name);

    public IFittedSynthesizer ResolveModel(string name, SynthesizerRegistry registry)
    {
        if (Directory.Exists(name)) throw new SynthFileException(name, "is a directory, not a model file.");
        if (!File.Exists(name)) throw new SynthFileException(name, "no such model file.");
        try
        {
            using var stream = File.OpenRead(name);
            return registry.Load(stream);
        }
        catch (SynthException e) when (e is not SynthFileException)
        {
            throw new SynthFileException(name, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(name, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Nothing to keep: the commands have written their files.</summary>
    public void Store(string name, object value)
    {
    }

    public IDisplayHandle Show(object value)
    {
        if (value is TrainingProgress progress)
        {
            var handle = new ProgressHandle(this);
            handle.Update(progress);
            return handle;
        }
        var text = new TextHandle(this);
        text.Update(value);
        return text;
    }

    public void WriteLine(string message)
    {
        lock (gate)
        {
            CloseProgressLine();
            output.WriteLine(message);
            output.Flush();
        }
    }

    public void WriteError(string message)
    {
        lock (gate)
        {
            CloseProgressLine();
            output.Flush();
            error.WriteLine(message);
            error.Flush();
        }
    }

    /// <summary>Ends a live progress display, leaving its last figures on screen; for the end of a command.</summary>
    public void CloseProgress()
    {
        lock (gate) CloseProgressLine();
    }

    /// <summary>Shows the terminal's cursor again when the process is ended mid-display (a second Ctrl+C).</summary>
    public void RestoreCursor() => liveProgress?.RestoreCursor();

    private void CloseProgressLine() => liveProgress?.Close();

    /// <summary>
    /// Draws every table rendered while a command runs by Spectre on a terminal, also those a command writes as
    /// finished text (the --where report, a VAE's latent summary); without a terminal (null), tables stay plain.
    /// </summary>
    public IDisposable? DrawTables() => tables?.Use();

    private void WriteRendered(object value) => WriteLine(TextRendering.Render(value));

    private sealed class TextHandle(ConsoleHost host) : IDisplayHandle
    {
        public void Update(object value) => host.WriteRendered(value);
    }

    private sealed class ProgressHandle(ConsoleHost host) : IDisplayHandle
    {
        private string? phase;
        private int printedStage = -1;

        public void Update(object value)
        {
            if (value is not TrainingProgress p)
            {
                host.WriteRendered(value);
                return;
            }
            if (host.liveProgress is { } live)
            {
                lock (host.gate) live.Show(p);
                return;
            }
            bool newPhase = p.Phase != phase;
            bool last = p.Step >= p.TotalSteps;
            phase = p.Phase;
            int stage = last ? PlainLineSteps : (int)Math.Floor(p.Fraction * PlainLineSteps);
            if (newPhase) printedStage = -1;
            if (stage <= printedStage) return;
            printedStage = stage;
            host.WriteLine(TextRendering.ProgressLine(p, barWidth: 20));
        }
    }
}
