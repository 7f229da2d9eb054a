using Microsoft.Data.Analysis;
using SynthCommands;
using SynthCore;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Training;

namespace SynthCli;

/// <summary>
/// The console's side of the commands: names are file paths, results are text, progress is a bar
/// redrawn in place on a terminal, or a few plain lines when output is redirected.
/// </summary>
internal sealed class ConsoleHost(TextWriter output, TextWriter error, bool interactive, Func<int>? terminalWidth = null) : ISynthHost
{
    /// <summary>With redirected output, a progress line is written each time another 1/<c>PlainLineSteps</c> of a phase is done.</summary>
    public const int PlainLineSteps = 20;

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private bool Interactive { get; } = interactive;

    private int openLineLength; // > 0 while a progress bar is drawn without its newline
    private readonly object gate = new();

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

    private void CloseProgressLine()
    {
        if (openLineLength == 0) return;
        output.WriteLine();
        openLineLength = 0;
    }

    private void Redraw(string line)
    {
        lock (gate)
        {
            int width = Math.Max(20, (terminalWidth?.Invoke() ?? 120) - 1);
            if (line.Length > width) line = line[..width];
            // Pad over the rest of a longer previous line.
            output.Write('\r' + line.PadRight(openLineLength));
            output.Flush();
            openLineLength = Math.Max(1, line.Length);
        }
    }

    private sealed class TextHandle(ConsoleHost host) : IDisplayHandle
    {
        public void Update(object value) => host.WriteLine(TextRendering.Render(value));
    }

    private sealed class ProgressHandle(ConsoleHost host) : IDisplayHandle
    {
        private string? phase;
        private int printedStage = -1;
        private DateTime lastDraw = DateTime.MinValue;

        public void Update(object value)
        {
            if (value is not TrainingProgress p)
            {
                host.WriteLine(TextRendering.Render(value));
                return;
            }
            bool newPhase = p.Phase != phase;
            bool last = p.Step >= p.TotalSteps;
            phase = p.Phase;
            if (host.Interactive)
            {
                if (newPhase) host.CloseProgressLineLocked();
                var now = DateTime.UtcNow;
                if (!newPhase && !last && now - lastDraw < RedrawInterval) return;
                lastDraw = now;
                host.Redraw(TextRendering.ProgressLine(p));
                return;
            }
            int stage = last ? PlainLineSteps : (int)Math.Floor(p.Fraction * PlainLineSteps);
            if (newPhase) printedStage = -1;
            if (stage <= printedStage) return;
            printedStage = stage;
            host.WriteLine(TextRendering.ProgressLine(p, barWidth: 20));
        }
    }

    private void CloseProgressLineLocked()
    {
        lock (gate) CloseProgressLine();
    }
}
