using Spectre.Console;

namespace SynthCli.Tests;

/// <summary>Spectre's tables at a terminal's width: no cell cut short, and the plain table when Spectre cannot draw one.</summary>
public sealed class TerminalTablesTests
{
    private static TerminalTables At(int width)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new StringWriter()),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        terminal.Profile.Width = width;
        return new TerminalTables(terminal);
    }

    [Fact]
    public void A_cell_wider_than_the_terminal_wraps_at_spaces_onto_more_lines_not_cut()
    {
        string cell = "alpha beta gamma delta epsilon zeta eta theta";
        string? drawn = At(30).Draw(["name", "n"], [[cell, "7"]], [false, true]);
        Assert.NotNull(drawn);
        var lines = drawn.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 30, line));
        // Every word of the cell is there, in order, across the lines of its column.
        var column = lines.Select(line => line.Split('│')).Where(parts => parts.Length > 2).Select(parts => parts[1].Trim()).Skip(1);
        Assert.Equal(cell, string.Join(" ", column.Where(part => part.Length > 0)));
        Assert.True(lines.Length > 5);
    }

    [Fact]
    public void A_table_whose_figures_would_be_split_is_left_to_the_plain_text()
    {
        // Twelve columns of seven-digit figures need about 120 characters; at 80 Spectre would break the figures.
        string[] headers = [.. Enumerable.Range(0, 12).Select(i => "mean " + i)];
        string[] figures = [.. Enumerable.Range(0, 12).Select(i => (1000.125 + i).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Null(At(80).Draw(headers, [figures], [.. headers.Select(_ => true)]));
        Assert.NotNull(At(200).Draw(headers, [figures], [.. headers.Select(_ => true)]));
    }

    [Fact]
    public void A_table_too_wide_to_draw_is_left_to_the_plain_text()
    {
        string[] headers = [.. Enumerable.Range(0, 20).Select(i => "c" + i)];
        Assert.Null(At(20).Draw(headers, [headers], [.. headers.Select(_ => false)]));
    }
}
