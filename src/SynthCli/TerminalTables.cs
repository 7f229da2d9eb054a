using Spectre.Console.Rendering;

namespace SynthCli;

/// <summary>
/// Tables on a terminal, drawn by Spectre.Console's <see cref="Table"/> at the terminal's width: cells wrap at spaces
/// when the table is wider than the terminal; a table that cannot fit its longest words is left plain.
/// </summary>
internal sealed class TerminalTables(IAnsiConsole terminal) : TableDrawing
{
    public override string? Draw(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> numeric)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < headers.Count; c++)
            table.AddColumn(new TableColumn(new Text(headers[c])) { Alignment = numeric[c] ? Justify.Right : Justify.Left });
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));

        // Drawn into text with the terminal's capabilities, since the commands render strings.
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = terminal.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = terminal.Profile.Width;
        console.Profile.Capabilities.Unicode = terminal.Profile.Capabilities.Unicode;
        // Narrower than its longest words, Spectre would split numbers mid-digit or draw only "…"; the plain
        // table (lines the terminal wraps) keeps every figure whole.
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        if (((IRenderable)table).Measure(options, console.Profile.Width).Min > console.Profile.Width) return null;
        console.Write(table);
        return text.ToString().TrimEnd('\r', '\n');
    }
}
