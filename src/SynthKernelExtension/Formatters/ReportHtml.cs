using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// Notebook HTML for the raw report objects of the library (<c>display(QualityReport.Generate(...))</c>): the scores at
/// a glance (the overall score large, each property as a bar), then the details tables, folded.
/// </summary>
public static class ReportHtml
{
    public static string Quality(QualityReport report)
    {
        var html = Opening("quality", "Quality score", report.Score, report.Score100, report.Properties);
        ColumnScores(html, "Column Shapes", report.ColumnShapes);
        Details(html, "Column Pair Trends", ["column 1", "column 2", "metric", "score", "real correlation", "synthetic correlation", "error"],
            report.ColumnPairTrends.Select(p => (IReadOnlyList<string>)
                [p.Column1, p.Column2, p.Metric, Score(p.Score), Optional(p.RealCorrelation), Optional(p.SyntheticCorrelation), p.Error ?? ""]));
        Details(html, "Numeric columns (dates in days)", ["column", "mean real", "mean synthetic", "std real", "std synthetic", "Wasserstein", "KS D", "KS p"],
            report.ColumnDistributions.Select(d => (IReadOnlyList<string>)
            [
                d.Column, Html.Number(d.RealMean), Html.Number(d.SyntheticMean), Html.Number(d.RealStd), Html.Number(d.SyntheticStd),
                Html.Number(d.Wasserstein), Html.Number(d.KsStatistic), Html.Number(d.KsPValue),
            ]));
        if (report.CorrelationDifference is double norm)
            html.Append("<div>Correlation difference (Frobenius norm): ").Append(Html.Number(norm)).Append("</div>");
        return html.Append("</div>").ToString();
    }

    public static string Diagnostic(DiagnosticReport report)
    {
        var html = Opening("diagnostic", "Diagnostic score", report.Score, 100 * report.Score, report.Properties);
        ColumnScores(html, "Data Validity", report.DataValidity);
        Details(html, "Data Structure", ["metric", "score", "error"],
            report.DataStructure.Select(t => (IReadOnlyList<string>)[t.Metric, Score(t.Score), t.Error ?? ""]));
        return html.Append("</div>").ToString();
    }

    public static string Privacy(PrivacyReport r)
    {
        var html = new StringBuilder("<div class=\"synth-privacy-report\">");
        html.Append("<div><b>Privacy risk</b>: ").Append(r.TrainingRows.ToString("N0", Html.Invariant)).Append(" training rows, ")
            .Append(r.SyntheticRows.ToString("N0", Html.Invariant)).Append(" synthetic rows, ")
            .Append(r.HoldoutRows is int h ? h.ToString("N0", Html.Invariant) + " holdout rows" : "no holdout")
            .Append("; ").Append(r.Columns.Count).Append(" columns compared.</div>");
        var risk = r.Risk;
        html.Append("<div><b>Disclosure risk: ").Append(risk.Level.ToString()).Append("</b> (").Append(Html.Encode(string.Join("; ", risk.Reasons))).Append(")</div>");
        html.Append("<div style=\"display:flex;gap:24px;margin:6px 0\">");
        Glance(html, "exact copies", Percent(r.ExactCopyRate), r.HoldoutExactCopyRate is double hc ? $"holdout {Percent(hc)}" : "");
        Glance(html, "membership-inference AUC", r.MembershipInferenceAuc is double auc ? Html.Number(auc, "0.000") : "n/a", "0.5 = chance");
        Glance(html, "closer than holdout 5th pct", r.ShareCloserThanHoldout5th is double c ? Percent(c) : "n/a", "about 5% when private");
        Glance(html, "nearer training than holdout", r.DcrShare is double d ? Percent(d) : "n/a", r.ExpectedDcrShare is double e ? $"about {Percent(e)} when private" : "");
        html.Append("</div>");
        Details(html, "Distances", ["measure", "synthetic → training", "holdout → training"],
        [
            ["DCR median", Html.Number(r.SyntheticToTraining.Median), Optional(r.HoldoutToTraining?.Median)],
            ["DCR 5th percentile", Html.Number(r.SyntheticToTraining.Percentile5), Optional(r.HoldoutToTraining?.Percentile5)],
            ["DCR mean", Html.Number(r.SyntheticToTraining.Mean), Optional(r.HoldoutToTraining?.Mean)],
            ["NNDR median", Html.Number(r.SyntheticNndr.Median), Optional(r.HoldoutNndr?.Median)],
            ["exact copies", Percent(r.ExactCopyRate), r.HoldoutExactCopyRate is double x ? Percent(x) : "n/a"],
        ], open: true);
        if (r.AttributeDisclosure is { } a)
            Details(html, $"Attribute disclosure ({string.Join(", ", a.QuasiIdentifiers)} → {a.Sensitive})", ["rows", "evaluated", "matched", "correct", "correct among matched", "baseline", "lift"],
                new[] { ("training", a), ("holdout", r.HoldoutAttributeDisclosure) }.Where(p => p.Item2 is not null).Select(p => (IReadOnlyList<string>)
                [
                    p.Item1, p.Item2!.RowsEvaluated.ToString("N0", Html.Invariant), p.Item2.RowsMatched.ToString("N0", Html.Invariant), Percent(p.Item2.CorrectShare),
                    Percent(p.Item2.CorrectAmongMatched), $"'{p.Item2.BaselineGuess}' {Percent(p.Item2.BaselineShare)}", Percent(p.Item2.LiftOverBaseline),
                ]), open: true);
        html.Append("<div style=\"color:#555\">Distance: ").Append(Html.Encode(r.Distance)).Append("</div>");
        return html.Append("</div>").ToString();
    }

    /// <summary>A report's start: its overall score large (and out of 100), then each property's score as a bar.</summary>
    private static StringBuilder Opening(string report, string label, double score, double score100, IEnumerable<PropertyScore> properties)
    {
        var html = new StringBuilder("<div class=\"synth-").Append(report).Append("-report\">");
        html.Append("<div style=\"font-size:1.6em;font-weight:bold\">").Append(label).Append(' ').Append(Score(score))
            .Append(" <span style=\"font-size:0.6em;font-weight:normal\">(").Append(Html.Encode($"{Html.Number(score100, "0.0")} / 100")).Append(")</span></div>");
        Bars(html, properties);
        return html;
    }

    /// <summary>A folded table of per-column scores.</summary>
    private static void ColumnScores(StringBuilder html, string title, IEnumerable<ColumnScore> scores) =>
        Details(html, title, ["column", "metric", "score", "error"], scores.Select(c => (IReadOnlyList<string>)[c.Column, c.Metric, Score(c.Score), c.Error ?? ""]));

    /// <summary>Each property's score as a bar of its share of the full width.</summary>
    private static void Bars(StringBuilder html, IEnumerable<PropertyScore> properties)
    {
        html.Append("<div class=\"synth-score-bars\">");
        foreach (var p in properties)
        {
            double width = double.IsFinite(p.Score) ? Math.Clamp(p.Score, 0, 1) * 240 : 0;
            html.Append("<div style=\"display:flex;align-items:center;gap:8px\"><span style=\"width:160px\">").Append(Html.Encode(p.Property))
                .Append("</span><span style=\"display:inline-block;width:240px;height:10px;background:#eee\"><span style=\"display:block;height:10px;background:#1f77b4;width:")
                .Append(Html.Number(width, "0")).Append("px\"></span></span><b>").Append(Score(p.Score)).Append("</b></div>");
        }
        html.Append("</div>");
    }

    private static void Glance(StringBuilder html, string label, string value, string note) =>
        html.Append("<div><div style=\"color:#555\">").Append(Html.Encode(label)).Append("</div><div style=\"font-size:1.4em;font-weight:bold\">")
            .Append(Html.Encode(value)).Append("</div><div style=\"color:#777;font-size:0.85em\">").Append(Html.Encode(note)).Append("</div></div>");

    private static void Details(StringBuilder html, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, bool open = false)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        html.Append(open ? "<details open>" : "<details>").Append("<summary><b>").Append(Html.Encode(title)).Append("</b> (")
            .Append(list.Count).Append(list.Count == 1 ? " row" : " rows").Append(")</summary>");
        Html.Table(html, headers, list);
        html.Append("</details>");
    }

    private static string Score(double score) => double.IsNaN(score) ? "n/a" : Html.Number(score, "0.0000");

    private static string Optional(double? value) => value is double v ? Html.Number(v) : "n/a";

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : Html.Number(100 * value, "0.0") + "%";
}
