using System.Net;
using SynthReports.Charts;

namespace SynthReports;

/// <summary>A <see cref="ChartPage"/> as one self-contained HTML file: plotly.js inlined once, no network.</summary>
public static class ChartPageHtml
{
    public static string Render(ChartPage page)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(page.Title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em}.grid{display:flex;flex-wrap:wrap;gap:1em}</style>\n")
            .Append(PlotlyScript.InlineScriptTag).Append("\n</head>\n<body>\n<h1>").Append(WebUtility.HtmlEncode(page.Title)).Append("</h1>\n<p>")
            .Append(WebUtility.HtmlEncode(page.Description)).Append("</p>\n<div class=\"grid\">\n");
        foreach (var chart in page.Charts) html.Append("<div>").Append(FigureHtml.Div(chart)).Append("</div>\n");
        return html.Append("</div>\n</body>\n</html>\n").ToString();
    }
}
