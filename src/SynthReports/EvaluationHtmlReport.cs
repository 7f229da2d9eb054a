using SynthCore.Evaluation.Scorecards;
using System.Net;
using SynthReports.Charts;

namespace SynthReports;

/// <summary>
/// The --report page of <c>synth evaluate</c>: one self-contained HTML file (plotly.js inlined once, no
/// network) with the scores, detection, the details tables, each column's distribution real against synthetic, and
/// the correlation heatmaps.
/// </summary>
public static class EvaluationHtmlReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="losses">The losses of the fit that made the synthetic table (<c>synth run --report</c>), drawn as a loss curve; none for <c>evaluate</c>.</param>
    public static string Render(TableEvaluation evaluation, IReadOnlyList<LossPoint>? losses = null)
    {
        var quality = evaluation.Quality;
        var html = new StringBuilder();
        html.Append(Head("Synthetic data evaluation: " + evaluation.SyntheticName));

        html.Append("<h1>Synthetic data evaluation</h1>\n<p>Real: <code>").Append(Encode(evaluation.RealName))
            .Append(Invariant, $"</code> ({evaluation.RealRows:N0} rows); synthetic: <code>").Append(Encode(evaluation.SyntheticName))
            .Append(Invariant, $"</code> ({evaluation.SyntheticRows:N0} rows).</p>\n")
            .Append("<p class=\"score\">Quality score: ").Append(Score(quality.Score)).Append(" (")
            .Append(quality.Score100.ToString("0.0", Invariant)).Append(" / 100)</p>\n");

        Table(html, "Properties", ["report", "property", "score"],
            quality.Properties.Select(p => new[] { "quality", p.Property, Score(p.Score) })
                .Concat(evaluation.Diagnostic.Properties.Select(p => new[] { "diagnostic", p.Property, Score(p.Score) }))
                .Append(["diagnostic", "overall", Score(evaluation.Diagnostic.Score)]));
        if (evaluation.Detection is { } detection)
        {
            html.Append("<h2>Detection</h2>\n<p>").Append(Encode(DetectionSummary.Explanation(detection))).Append("</p>\n");
            Table(html, "", DetectionSummary.Header, DetectionSummary.Rows(detection));
        }
        Table(html, "Worst columns", ["column", "metric", "score"],
            evaluation.WorstColumns.Select(c => new[] { c.Column, c.Metric, Score(c.Score) }));
        Table(html, "Worst column pairs", ["column 1", "column 2", "metric", "score"],
            evaluation.WorstPairs.Select(p => new[] { p.Column1, p.Column2, p.Metric, Score(p.Score) }));
        Table(html, "Numeric columns (dates in days)", ["column", "mean real", "mean synthetic", "std real", "std synthetic", "Wasserstein", "KS D", "KS p"],
            quality.ColumnDistributions.Select(d => new[]
            {
                d.Column, Number(d.RealMean), Number(d.SyntheticMean), Number(d.RealStd), Number(d.SyntheticStd),
                Number(d.Wasserstein), Number(d.KsStatistic), Number(d.KsPValue),
            }));
        if (quality.CorrelationDifference is double norm)
            html.Append("<p>Correlation difference ‖C<sub>real</sub> − C<sub>synthetic</sub>‖<sub>F</sub>: ").Append(Number(norm)).Append("</p>\n");

        foreach (var (title, charts) in EvaluationCharts.Sections(evaluation))
        {
            html.Append("<h2>").Append(title).Append("</h2>\n<div class=\"grid\">\n");
            foreach (var chart in charts) html.Append("<div>").Append(FigureHtml.Div(chart)).Append("</div>\n");
            html.Append("</div>\n");
        }

        if (evaluation.Pca is not null)
        {
            html.Append("<h2>Principal components</h2>\n<p>PCA fitted on the real table (numbers standardised, categories one-hot) and applied unchanged to the synthetic one. Explained variance: ")
                .Append(Encode(string.Join(", ", evaluation.Pca.ExplainedVarianceRatio.Select((r, k) => $"PC{k + 1} {100 * r:0.0}%")))).Append(".</p>\n")
                .Append("<div>").Append(FigureHtml.Div(EvaluationCharts.PcaScatter(evaluation.Pca))).Append("</div>\n");
        }

        if (evaluation.Utility is { } utility)
        {
            var rows = UtilityMetricNames.Rows(utility).ToArray();
            html.Append("<h2>Machine-learning utility: ").Append(Encode(utility.Target)).Append("</h2>\n<p>")
                .Append(Invariant, $"{utility.Task.ToString().ToLowerInvariant()}; models trained on {utility.RealTrainRows:N0} real rows or on {utility.SyntheticRows:N0} synthetic rows, tested on the same {utility.RealTestRows:N0} held-out real rows.</p>\n");
            Table(html, "", ["model", "metric", "train real, test real", "train synthetic, test real"],
                rows.Select(r => new[] { r.Model, r.Metric, Number(r.Real), Number(r.Synthetic) }));
            html.Append("<div>").Append(FigureHtml.Div(EvaluationCharts.UtilityBars(rows))).Append("</div>\n");
        }

        if (evaluation.Privacy is { } privacy)
        {
            html.Append("<h2>Privacy against the held-out rows</h2>\n<p>")
                .Append(Invariant, $"{privacy.TrainingRows:N0} training rows, {privacy.SyntheticRows:N0} synthetic rows, {privacy.HoldoutRows:N0} held-out rows the model never saw. Distance: ")
                .Append(Encode(privacy.Distance)).Append(".</p>\n");
            static string Share(double? v) => v is double x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
            Table(html, "", ["measure", "synthetic", "held-out rows (baseline)"],
            [
                ["nearer to a training row than to any held-out row (DCR share)", Share(privacy.DcrShare), $"{Share(privacy.ExpectedDcrShare)} when private (training / all real rows)"],
                ["exact copies of training rows", Share(privacy.ExactCopyRate), Share(privacy.HoldoutExactCopyRate)],
                ["closer than the held-out rows' 5th percentile", Share(privacy.ShareCloserThanHoldout5th), "5%"],
                ["DCR median", Number(privacy.SyntheticToTraining.Median), Number(privacy.HoldoutToTraining?.Median)],
                ["membership-inference AUC", Number(privacy.MembershipInferenceAuc), "0.5 = chance"],
            ]);
        }

        LossSection(html, losses);

        Table(html, "Column Shapes details", ["column", "metric", "score", "error"],
            quality.ColumnShapes.Select(c => new[] { c.Column, c.Metric, Score(c.Score), c.Error ?? "" }));
        Table(html, "Column Pair Trends details", ["column 1", "column 2", "metric", "score", "real correlation", "synthetic correlation", "error"],
            quality.ColumnPairTrends.Select(p => new[]
            {
                p.Column1, p.Column2, p.Metric, Score(p.Score), Number(p.RealCorrelation), Number(p.SyntheticCorrelation), p.Error ?? "",
            }));
        Table(html, "Data Validity details", ["column", "metric", "score", "error"],
            evaluation.Diagnostic.DataValidity.Select(c => new[] { c.Column, c.Metric, Score(c.Score), c.Error ?? "" }));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The document's start up to the opened body: title, styles, and plotly.js inlined once.</summary>
    internal static string Head(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + Encode(title) + "</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
        + "td,th{border:1px solid #ccc;padding:3px 8px}td.n{text-align:right;font-variant-numeric:tabular-nums}"
        + ".score{font-size:2em;font-weight:bold}.grid{display:flex;flex-wrap:wrap;gap:1em}.grid>div{flex:1 1 480px}</style>\n"
        + PlotlyScript.InlineScriptTag + "\n</head>\n<body>\n";

    /// <summary>The training loss curve (the notebook's live loss chart, full size), when there are losses.</summary>
    internal static void LossSection(StringBuilder html, IReadOnlyList<LossPoint>? losses)
    {
        if (losses is not { Count: > 0 }) return;
        var chart = LossChart.Build(losses);
        html.Append("<h2>Training losses</h2>\n<div>").Append(FigureHtml.Div(chart)).Append("</div>\n");
    }

    internal static void Table(StringBuilder html, string title, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        if (title.Length > 0) html.Append("<h2>").Append(Encode(title)).Append("</h2>\n");
        html.Append("<table>\n<tr>");
        foreach (var h in headers) html.Append("<th>").Append(Encode(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in list)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append(LooksNumeric(cell) ? "<td class=\"n\">" : "<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static bool LooksNumeric(string cell) => double.TryParse(cell, NumberStyles.Float, Invariant, out _);

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Score(double score) => double.IsNaN(score) ? "n/a" : score.ToString("0.0000", Invariant);

    internal static string Number(double? value) => value switch
    {
        null => "n/a",
        double v when !double.IsFinite(v) => "n/a",
        double v when v != 0 && (Math.Abs(v) >= 1e7 || Math.Abs(v) < 1e-4) => v.ToString("0.###e+0", Invariant),
        double v => v.ToString("0.####", Invariant),
    };
}
