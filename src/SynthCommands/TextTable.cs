namespace SynthCommands;

/// <summary>A plain-text table with aligned columns, for console output.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public TextTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    /// <summary>
    /// Text columns are left-aligned; a column whose cells all look numeric is right-aligned. Drawn plain unless a
    /// <see cref="TableDrawing"/> is in use.
    /// </summary>
    public override string ToString()
    {
        int n = headers.Length;
        var widths = new int[n];
        var numeric = new bool[n];
        for (int c = 0; c < n; c++)
        {
            widths[c] = Math.Max(headers[c].Length, rows.Count == 0 ? 0 : rows.Max(r => Cell(r, c).Length));
            numeric[c] = rows.Count > 0 && rows.All(r => LooksNumeric(Cell(r, c)));
        }
        if (TableDrawing.Current?.Draw(headers, rows.Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(0, n).Select(c => Cell(r, c))]).ToArray(), numeric) is { } drawn)
            return drawn;
        var text = new StringBuilder();
        AppendRow(text, headers, widths, numeric);
        text.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in rows) AppendRow(text, row, widths, numeric);
        return text.ToString().TrimEnd('\n');
    }

    private static string Cell(string[] row, int c) => c < row.Length ? row[c] : "";

    private static bool LooksNumeric(string cell) =>
        cell.Length == 0 || cell == "n/a" || char.IsDigit(cell[^1]) || cell.EndsWith('%') || cell[0] is '-' or '+';

    private static void AppendRow(StringBuilder text, string[] row, int[] widths, bool[] numeric)
    {
        var line = new StringBuilder();
        for (int c = 0; c < widths.Length; c++)
        {
            if (c > 0) line.Append("  ");
            string cell = Cell(row, c);
            line.Append(numeric[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        }
        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
