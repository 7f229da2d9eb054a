
namespace SynthReports.Charts;

/// <summary>
/// Pieces the charts share: traces and layouts with plotly.js attribute names.
/// </summary>
public static class ChartParts
{
    public static Dictionary<string, object> Title(string text) => new() { ["text"] = text };

    public static Dictionary<string, object> Axis(string title) => new() { ["title"] = Title(title) };

    /// <summary>Every k-th item so that at most <paramref name="max"/> remain; the step is returned for labels.</summary>
    public static (T[] Shown, int Step) Thin<T>(IReadOnlyList<T> items, int max)
    {
        int step = Math.Max(1, (items.Count + max - 1) / max);
        return (items.Where((_, i) => i % step == 0).ToArray(), step);
    }

    public static Trace Markers(string name, string color, IEnumerable<double> x, IEnumerable<double> y, double opacity = 0.5)
    {
        var trace = new Trace("scatter");
        trace.Set("name", name);
        trace.Set("mode", "markers");
        trace.Set("x", x.Select(Round).ToArray());
        trace.Set("y", y.Select(Round).ToArray());
        trace.Set("marker", new Dictionary<string, object> { ["color"] = color, ["size"] = 5, ["opacity"] = opacity });
        return trace;
    }

    public static Trace Line(string name, string color, IEnumerable<double> x, IEnumerable<double> y, string? dash = null)
    {
        var trace = new Trace("scatter");
        trace.Set("name", name);
        trace.Set("mode", "lines");
        trace.Set("x", x.Select(Round).ToArray());
        trace.Set("y", y.Select(Round).ToArray());
        var line = new Dictionary<string, object> { ["color"] = color, ["width"] = 1.5 };
        if (dash is not null) line["dash"] = dash;
        trace.Set("line", line);
        return trace;
    }

    /// <summary>The traces in one chart with a layout of the given title, axes and size.</summary>
    public static Figure Chart(IEnumerable<Trace> traces, string title, string? xAxis, string? yAxis, int width, int height,
        Action<Layout>? more = null)
    {
        var layout = new Layout();
        layout.Set("title", Title(title));
        if (xAxis is not null) layout.Set("xaxis", Axis(xAxis));
        if (yAxis is not null) layout.Set("yaxis", Axis(yAxis));
        layout.Set("width", width);
        layout.Set("height", height);
        more?.Invoke(layout);
        return new Figure(traces, layout);
    }

    /// <summary>Rounded so that pages stay small; the charts do not need more digits.</summary>
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 5) : double.NaN;
}
