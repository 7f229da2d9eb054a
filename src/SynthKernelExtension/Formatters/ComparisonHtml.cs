using SynthCore.Evaluation.Scorecards;
using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary><c>#!synth compare</c> in a notebook: the ranking table and the models' scores as grouped bars (the output carries plotly.js).</summary>
public static class ComparisonHtml
{
    public static string Render(ModelRanking ranking)
    {
        bool utility = ranking.Target is not null;
        var html = new StringBuilder("<div class=\"synth-comparison\">");
        html.Append("<div><b>Models ranked on ").Append(Html.Encode(ranking.Table)).Append("</b> (")
            .Append(ranking.TrainingRows.ToString("N0", Html.Invariant)).Append(" rows to fit on, ")
            .Append(ranking.HoldoutRows.ToString("N0", Html.Invariant)).Append(" held out; seed ").Append(ranking.Seed).Append(")</div>");
        IReadOnlyList<string> headers = utility
            ? ["rank", "model", "quality", "detection AUC", "gives rows away", "DCR share", "copies", $"utility ({ranking.Target})", "seconds"]
            : ["rank", "model", "quality", "detection AUC", "gives rows away", "DCR share", "copies", "seconds"];
        Html.Table(html, headers, ranking.Models.Select(m =>
        {
            var c = m.Card;
            var row = new List<string>
            {
                m.Overall.ToString(Html.Invariant), c.Model, Html.Number(c.Quality.Score, "0.000"), Html.Number(c.Detection.BoostedTrees.Auc, "0.000"),
                string.Join(", ", c.Detection.BoostedTrees.TopColumns.Take(2).Select(t => t.Column)),
                c.Privacy.DcrShare is double d ? Html.Number(d, "0.000") : "n/a", Html.Number(100 * c.Privacy.ExactCopyRate, "0.0") + "%",
            };
            if (utility) row.Add(c.UtilityRatio is double u ? Html.Number(u, "0.000") : "n/a");
            row.Add(Html.Number(c.FitSeconds + c.SampleSeconds, "0.0"));
            return (IReadOnlyList<string>)row;
        }));
        html.Append("<div style=\"color:#555\">Detection AUC 0.5 and DCR share 0.5 are best (a DCR share of 1 means copies); the rank is the mean of the places on quality, detection, privacy")
            .Append(utility ? ", utility" : "").Append(" and time.</div>");
        html.Append(FigureHtml.Div(ComparisonChart.Build(ranking)));
        return ChartHtml.WithPlotly(html.Append("</div>").ToString());
    }
}
