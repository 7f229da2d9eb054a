using Plotly.NET;
using SynthKernelExtension.Notebook;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// The live loss chart of a fit: one line per loss (and phase) against the step. Built from
/// Plotly.NET trace objects with plotly.js attribute names (the F# chart functions take F# options,
/// which are clumsy from C#).
/// </summary>
public static class LossChart
{
    public static GenericChart Build(IReadOnlyList<LossPoint> losses)
    {
        var traces = losses
            .GroupBy(p => (p.Phase, p.Name))
            .Select(g =>
            {
                var trace = new Trace2D("scatter");
                trace.SetProperty("mode", "lines");
                trace.SetProperty("name", g.Key.Phase == "train" ? g.Key.Name : $"{g.Key.Phase}: {g.Key.Name}");
                trace.SetProperty("x", g.Select(p => p.Step).ToArray());
                trace.SetProperty("y", g.Select(p => Math.Round(p.Value, 5)).ToArray());
                return GenericChart.ofTraceObject(true, trace);
            })
            .ToArray();
        var chart = traces.Length == 0 ? GenericChart.ofTraceObject(true, new Trace2D("scatter")) : GenericChart.combine(traces);
        var layout = new Layout();
        layout.SetProperty("xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "step" } });
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "loss" } });
        layout.SetProperty("width", 560);
        layout.SetProperty("height", 260);
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 50, ["r"] = 10, ["t"] = 10, ["b"] = 40 });
        return GenericChart.addLayout(layout, chart);
    }

    /// <summary>The chart for a notebook output (<see cref="ChartHtml.Embed"/>).</summary>
    public static string ToHtml(IReadOnlyList<LossPoint> losses) => ChartHtml.Embed(Build(losses));
}
