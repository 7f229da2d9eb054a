namespace SynthCommands;

/// <summary>
/// How the tables of rendered text are drawn. By default, <see cref="TextTable"/>'s plain aligned columns, which
/// redirected output, the notebook, scripts and tests read. A host that can draw better tables (the console on a
/// terminal) uses its own drawing while it renders a value it shows.
/// </summary>
public abstract class TableDrawing
{
    private static readonly AsyncLocal<TableDrawing?> current = new();

    internal static TableDrawing? Current => current.Value;

    /// <summary>Draws the tables rendered on this flow of control with this drawing until the returned scope is disposed.</summary>
    public IDisposable Use()
    {
        var previous = current.Value;
        current.Value = this;
        return new Scope(previous);
    }

    /// <summary>The table as text, or null when this drawing cannot show it (the plain table is used then).</summary>
    /// <param name="numeric">Per column: every cell looks numeric, so it is right-aligned.</param>
    public abstract string? Draw(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> numeric);

    private sealed class Scope(TableDrawing? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
