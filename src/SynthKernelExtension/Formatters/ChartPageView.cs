using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary><c>#!synth plot</c> in a notebook: the page's title and description, then its charts, with plotly.js's loader once.</summary>
public static class ChartPageView
{
    public static string Render(ChartPage page)
    {
        var html = new StringBuilder("<div class=\"synth-plot\"><div><b>").Append(Html.Encode(page.Title)).Append("</b>: ")
            .Append(Html.Encode(page.Description)).Append("</div><div style=\"display:flex;flex-wrap:wrap\">");
        foreach (var chart in page.Charts) html.Append("<div>").Append(FigureHtml.Div(chart)).Append("</div>");
        return ChartHtml.WithPlotly(html.Append("</div></div>").ToString());
    }
}
