using SynthCore.Evaluation.Scorecards;

namespace SynthReports.Charts;

/// <summary>
/// The models of a <c>compare</c> side by side, one group of bars per criterion, each scaled so that 1 is best:
/// quality, detection score (1 − 2·|AUC − 0.5|), privacy score (1 − 2·|DCR share − 0.5|) and, with a target,
/// utility (trained on synthetic over trained on real).
/// </summary>
public static class ComparisonChart
{
    public static Figure Build(ModelRanking ranking)
    {
        var criteria = new List<(string Name, Func<Scorecard, double> Value)>
        {
            ("quality", c => c.Quality.Score),
            ("detection score", c => c.DetectionScore),
            ("privacy score", c => c.PrivacyScore),
        };
        if (ranking.Target is not null) criteria.Add(($"utility ({ranking.Target})", c => c.UtilityRatio ?? double.NaN));
        var labels = criteria.Select(c => (object)c.Name).ToArray();
        var traces = ranking.Models.Select(m => new Trace("bar")
            .Set("name", $"{m.Overall}. {m.Card.Model}")
            .Set("x", labels)
            .Set("y", criteria.Select(c => ChartParts.Round(c.Value(m.Card))).ToArray()));
        return ChartParts.Chart(traces, $"Models on {ranking.Table}: 1 is best on each", null, "score", 760, 420, layout =>
        {
            layout.Set("barmode", "group");
            layout.Set("yaxis", new Dictionary<string, object> { ["title"] = ChartParts.Title("score"), ["range"] = new[] { 0.0, 1.05 } });
        });
    }
}
