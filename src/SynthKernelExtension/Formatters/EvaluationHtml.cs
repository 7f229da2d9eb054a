using SynthCore.Evaluation.Scorecards;
using SynthReports;
using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// <c>#!synth evaluate</c> in a notebook: the scores, detection, the worst columns and pairs, each column's
/// distribution real against synthetic, and the correlation heatmaps (the evaluation charts; the output
/// carries plotly.js's loader once). The full details are in the <c>--report</c> page.
/// </summary>
public static class EvaluationHtml
{
    public static string Render(TableEvaluation evaluation)
    {
        var quality = evaluation.Quality;
        var html = new StringBuilder("<div class=\"synth-evaluation\">");
        html.Append("<div>Real <code>").Append(Html.Encode(evaluation.RealName)).Append("</code> (").Append(evaluation.RealRows.ToString("N0", Html.Invariant))
            .Append(" rows) against synthetic <code>").Append(Html.Encode(evaluation.SyntheticName)).Append("</code> (")
            .Append(evaluation.SyntheticRows.ToString("N0", Html.Invariant)).Append(" rows)</div>");
        html.Append("<div style=\"font-size:1.6em;font-weight:bold\">Quality score ").Append(Html.Number(quality.Score100, "0.0")).Append(" / 100</div>");
        Html.Table(html, ["report", "property", "score"],
            quality.Properties.Select(p => (IReadOnlyList<string>)["quality", p.Property, Score(p.Score)])
                .Concat(evaluation.Diagnostic.Properties.Select(p => (IReadOnlyList<string>)["diagnostic", p.Property, Score(p.Score)])));
        if (evaluation.Detection is { } detection)
        {
            html.Append("<div><b>Detection</b> <span style=\"color:#555\">").Append(Html.Encode(DetectionSummary.Explanation(detection))).Append("</span></div>");
            Html.Table(html, DetectionSummary.Header, DetectionSummary.Rows(detection).Select(r => (IReadOnlyList<string>)r));
        }
        if (evaluation.Privacy is { } privacy) html.Append(ReportHtml.Privacy(privacy));
        html.Append("<div><b>Worst columns</b></div>");
        Html.Table(html, ["column", "metric", "score"], evaluation.WorstColumns.Select(c => (IReadOnlyList<string>)[c.Column, c.Metric, Score(c.Score)]));
        html.Append("<div><b>Worst column pairs</b></div>");
        Html.Table(html, ["column 1", "column 2", "metric", "score"],
            evaluation.WorstPairs.Select(p => (IReadOnlyList<string>)[p.Column1, p.Column2, p.Metric, Score(p.Score)]));

        bool open = true; // the first section (the distributions) starts open
        foreach (var (title, charts) in EvaluationCharts.Sections(evaluation))
        {
            html.Append(open ? "<details open>" : "<details>").Append("<summary><b>").Append(title).Append("</b></summary><div style=\"display:flex;flex-wrap:wrap\">");
            foreach (var chart in charts) html.Append("<div>").Append(FigureHtml.Div(chart)).Append("</div>");
            html.Append("</div></details>");
            open = false;
        }
        return ChartHtml.WithPlotly(html.Append("</div>").ToString());
    }

    private static string Score(double score) => double.IsNaN(score) ? "n/a" : Html.Number(score, "0.0000");
}
