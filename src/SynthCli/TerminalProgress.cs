using Spectre.Console.Rendering;
using SynthCore.Training;

namespace SynthCli;

/// <summary>
/// A phase's progress on a terminal, drawn by Spectre.Console's live progress display: phase, bar, step/total, losses
/// (rows and rows/s when sampling), elapsed and ETA. Spectre's display runs its work inside a callback while the
/// commands push reports, so each phase's display runs on its own task until the phase changes or the host writes.
/// </summary>
internal sealed class TerminalProgress(IAnsiConsole console)
{
    private const int BarWidth = 24;

    private readonly FiguresColumn figures = new();
    private string? phase;
    private ProgressTask? task;
    private TaskCompletionSource? finish;
    private Task? display;

    /// <summary>Shows <paramref name="progress"/>, ending the previous phase's display when the phase changes.</summary>
    public void Show(TrainingProgress progress)
    {
        if (progress.Phase != phase) Close();
        if (task is null) Open(progress.Phase);
        phase = progress.Phase;
        figures.Latest = progress;
        task!.MaxValue = Math.Max(1, progress.TotalSteps);
        task.Value = progress.TotalSteps <= 0 ? 1 : Math.Min(progress.Step, progress.TotalSteps);
    }

    /// <summary>Draws the last figures and leaves them on screen, so that what is written next starts on a line of its own.</summary>
    public void Close()
    {
        if (display is null) return;
        finish!.TrySetResult();
        display.GetAwaiter().GetResult();
        display = null;
        task = null;
        phase = null;
    }

    /// <summary>Shows the cursor Spectre hides while drawing, for a process that ends without <see cref="Close"/>.</summary>
    public void RestoreCursor() => console.Cursor.Show();

    private void Open(string name)
    {
        var opened = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth }, figures);
        var running = Task.Run(() => progress.StartAsync(async context =>
        {
            opened.SetResult(context.AddTask(Markup.Escape(name), maxValue: 1));
            await done.Task.ConfigureAwait(false);
        }));
        // Spectre refuses a second live display on the same console; that error surfaces here, not as a hang.
        Task.WhenAny(opened.Task, running).GetAwaiter().GetResult();
        if (!opened.Task.IsCompleted) running.GetAwaiter().GetResult();
        task = opened.Task.Result;
        finish = done;
        display = running;
    }

    /// <summary>The figures of the latest report, as the redirected plain lines show them after the bar.</summary>
    private sealed class FiguresColumn : ProgressColumn
    {
        public volatile TrainingProgress? Latest;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(Latest is { } p ? TextRendering.ProgressFigures(p) : "");
    }
}
