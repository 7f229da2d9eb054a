using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>Charts inside notebook outputs, each output able to draw on its own.</summary>
public static class ChartHtml
{
    /// <summary>One figure with plotly.js's loader (<see cref="PlotlyLibrary"/>): what a cell shows for a <see cref="Figure"/>.</summary>
    public static string Embed(Figure figure) => PlotlyLibrary.Instance.ScriptTag + FigureHtml.Div(figure);

    /// <summary>The output's HTML with plotly.js's loader put before it, once (for outputs that hold several charts).</summary>
    public static string WithPlotly(string html) => PlotlyLibrary.Instance.ScriptTag + html;
}
