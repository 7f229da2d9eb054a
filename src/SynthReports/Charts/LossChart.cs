namespace SynthReports.Charts;

/// <summary>
/// The live loss chart of a fit: one line per loss (and phase) against the step.
/// </summary>
public static class LossChart
{
    public static Figure Build(IReadOnlyList<LossPoint> losses)
    {
        var traces = losses
            .GroupBy(p => (p.Phase, p.Name))
            .Select(g =>
            {
                var trace = new Trace("scatter");
                trace.Set("mode", "lines");
                trace.Set("name", g.Key.Phase == "train" ? g.Key.Name : $"{g.Key.Phase}: {g.Key.Name}");
                trace.Set("x", g.Select(p => p.Step).ToArray());
                trace.Set("y", g.Select(p => Math.Round(p.Value, 5)).ToArray());
                return trace;
            })
            .ToArray();
        var layout = new Layout();
        layout.Set("xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "step" } });
        layout.Set("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "loss" } });
        layout.Set("width", 560);
        layout.Set("height", 260);
        layout.Set("margin", new Dictionary<string, object> { ["l"] = 50, ["r"] = 10, ["t"] = 10, ["b"] = 40 });
        return new Figure(traces.Length == 0 ? [new Trace("scatter")] : traces, layout);
    }

    /// <summary>The chart for a notebook output, without plotly.js's loader (the training display decides when to carry it).</summary>
    public static string ToHtml(IReadOnlyList<LossPoint> losses) => FigureHtml.Div(Build(losses));
}
