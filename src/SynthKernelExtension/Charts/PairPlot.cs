using System.Globalization;
using Microsoft.Data.Analysis;

namespace SynthKernelExtension.Charts;

/// <summary>
/// Scatter matrix of a few numeric columns, real and synthetic rows overlaid (plotly.js's <c>splom</c>
/// trace: one trace per table, every pair of columns a panel). Large tables are thinned to every k-th row.
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

    private static Trace Splom(string name, string color, IReadOnlyList<string> columns, DataFrame table)
    {
        var rows = Enumerable.Range(0, checked((int)table.Rows.Count)).ToArray();
        var (shown, step) = ChartParts.Thin(rows, MaxPoints);
        var trace = new Trace("splom");
        trace.Set("name", step > 1 ? $"{name} (every {step}th row)" : name);
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
        // The upper half mirrors the lower one, but two columns with both it and the diagonal hidden leave one
        // panel, which plotly.js 3.7 cannot draw (its splom calc reads an axis it never made): keep it there.
        if (columns.Count > 2) trace.Set("showupperhalf", false);
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
