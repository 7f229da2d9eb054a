namespace SynthReports.Charts;

/// <summary>
/// A figure as HTML: a sized &lt;div&gt; and a script that draws into it with the page's global <c>Plotly</c>.
/// If plotly.js is not there yet, the script waits for it: a notebook output's loader
/// (the notebook extension's <c>PlotlyLibrary</c>) may still be unpacking it.
/// </summary>
public static class FigureHtml
{
    /// <summary>Longest wait for plotly.js before a chart gives up (an output shown without it and nothing loading it).</summary>
    private const int WaitMilliseconds = 120_000;

    public static string Div(Figure figure)
    {
        string id = "synth-chart-" + Guid.NewGuid().ToString("N")[..12];
        var style = new StringBuilder();
        if (figure.Layout["width"] is int width) style.Append(CultureInfo.InvariantCulture, $"width:{width}px;");
        if (figure.Layout["height"] is int height) style.Append(CultureInfo.InvariantCulture, $"height:{height}px;");
        return new StringBuilder()
            .Append("<div id=\"").Append(id).Append("\" class=\"synth-chart\" style=\"").Append(style).Append("\"></div>")
            .Append("<script type=\"text/javascript\">(function () {")
            .Append("var figure = ").Append(figure.ToJson()).Append(';')
            .Append("var draw = function () { window.Plotly.newPlot(document.getElementById('").Append(id)
            .Append("'), figure.data, figure.layout, {displaylogo: false}); };")
            .Append("if (window.Plotly) { draw(); return; }")
            .Append("if (window.synthPlotly) { window.synthPlotly.then(draw); return; }")
            .Append("var waited = 0, timer = setInterval(function () {")
            .Append("if (window.Plotly || window.synthPlotly) { clearInterval(timer); Promise.resolve(window.synthPlotly).then(draw); }")
            .Append(CultureInfo.InvariantCulture, $"else if ((waited += 100) > {WaitMilliseconds}) clearInterval(timer);")
            .Append("}, 100);")
            .Append("})();</script>")
            .ToString();
    }
}
