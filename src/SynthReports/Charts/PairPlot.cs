using Microsoft.Data.Analysis;

namespace SynthReports.Charts;

/// <summary>
/// Scatter matrix of a few numeric columns, real and synthetic rows overlaid (plotly.js's <c>splom</c>
/// trace: one trace per table, every pair of columns a panel). Two columns make one panel, drawn as a plain
/// scatter: plotly.js 3.7 fails on a two-column <c>splom</c> without its diagonal and upper half
/// ("Cannot read properties of undefined (reading 'makeCalcdata')"). Large tables are thinned to every k-th row.
/// </summary>
public static class PairPlot
{
    /// <summary>Most columns in one matrix (the panels grow as the square).</summary>
    public const int MaxColumns = 6;

    /// <summary>Most rows drawn per table.</summary>
    public const int MaxPoints = 1000;

    /// <exception cref="SynthCore.SynthOptionException">Fewer than two or more than <see cref="MaxColumns"/> columns.</exception>
    public static Figure Build(IReadOnlyList<string> columns, DataFrame real, DataFrame synthetic)
    {
        if (columns.Count < 2 || columns.Count > MaxColumns)
            throw new SynthCore.SynthOptionException("--columns", $"a pair plot needs 2 to {MaxColumns} numeric columns, got {columns.Count}.");
        if (columns.Count == 2) return Scatter(columns[0], columns[1], real, synthetic);
        var traces = new Trace[]
        {
            Splom("real", EvaluationCharts.RealColor, columns, real),
            Splom("synthetic", EvaluationCharts.SyntheticColor, columns, synthetic),
        };
        int size = 180 * columns.Count + 120;
        return ChartParts.Chart(traces, "Pair plot: real and synthetic rows", null, null, size, size, layout =>
        {
            layout.Set("dragmode", "select");
            layout.Set("hovermode", "closest");
        });
    }

    private static Figure Scatter(string x, string y, DataFrame real, DataFrame synthetic)
    {
        Trace Points(string name, string color, DataFrame table)
        {
            var (shown, label) = Thinned(name, table);
            // Missing values become NaN, which the figure writes as null: plotly.js leaves those points out.
            double[] Numbers(string column) => shown.Select(r => Value(table.Columns[column][r]) is double v ? v : double.NaN).ToArray();
            return ChartParts.Markers(label, color, Numbers(x), Numbers(y), opacity: 0.5);
        }
        var traces = new[] { Points("real", EvaluationCharts.RealColor, real), Points("synthetic", EvaluationCharts.SyntheticColor, synthetic) };
        return ChartParts.Chart(traces, "Pair plot: real and synthetic rows", x, y, 520, 460, layout => layout.Set("hovermode", "closest"));
    }

    /// <summary>The rows drawn (every k-th when there are more than <see cref="MaxPoints"/>) and the legend name saying so.</summary>
    private static (int[] Rows, string Name) Thinned(string name, DataFrame table)
    {
        var rows = Enumerable.Range(0, checked((int)table.Rows.Count)).ToArray();
        var (shown, step) = ChartParts.Thin(rows, MaxPoints);
        return (shown, step > 1 ? $"{name} (every {step}th row)" : name);
    }

    private static Trace Splom(string name, string color, IReadOnlyList<string> columns, DataFrame table)
    {
        var (shown, label) = Thinned(name, table);
        var trace = new Trace("splom");
        trace.Set("name", label);
        trace.Set("dimensions", columns.Select(c =>
        {
            var column = table.Columns[c];
            return new Dictionary<string, object>
            {
                ["label"] = c,
                ["values"] = shown.Select(r => Value(column[r])).ToArray(),
            };
        }).ToArray());
        trace.Set("diagonal", new Dictionary<string, object> { ["visible"] = false });
        // Each pair once, in the lower half (two columns are a plain scatter: see the summary).
        trace.Set("showupperhalf", false);
        trace.Set("marker", new Dictionary<string, object> { ["color"] = color, ["size"] = 4, ["opacity"] = 0.5 });
        return trace;
    }

    private static object? Value(object? value) => value switch
    {
        null or string => null,
        DateTime d => d,
        IConvertible c when c.ToDouble(CultureInfo.InvariantCulture) is var x && double.IsFinite(x) => ChartParts.Round(x),
        _ => null,
    };
}
