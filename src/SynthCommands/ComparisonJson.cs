using SynthCore.Evaluation.Scorecards;

namespace SynthCommands;

/// <summary><c>compare --json</c>: the split, and per model (best first) its places and figures.</summary>
internal static class ComparisonJson
{
    public static JsonObject From(ModelRanking ranking) => new()
    {
        ["table"] = ranking.Table,
        ["training_rows"] = ranking.TrainingRows,
        ["holdout_rows"] = ranking.HoldoutRows,
        ["target"] = ranking.Target,
        ["seed"] = ranking.Seed,
        ["models"] = new JsonArray(ranking.Models.Select(m => (JsonNode?)new JsonObject
        {
            ["model"] = m.Card.Model,
            ["overall"] = m.Overall,
            ["mean_place"] = m.MeanPlace,
            ["places"] = new JsonObject(m.Places.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["quality"] = Number(m.Card.Quality.Score),
            ["detection_auc_boosted_trees"] = Number(m.Card.Detection.BoostedTrees.Auc),
            ["detection_auc_logistic"] = Number(m.Card.Detection.Logistic.Auc),
            ["detection_top_columns"] = new JsonArray(m.Card.Detection.BoostedTrees.TopColumns.Select(c => (JsonNode?)c.Column).ToArray()),
            ["dcr_share"] = Number(m.Card.Privacy.DcrShare),
            ["exact_copy_rate"] = Number(m.Card.Privacy.ExactCopyRate),
            ["membership_inference_auc"] = Number(m.Card.Privacy.MembershipInferenceAuc),
            ["utility_ratio"] = Number(m.Card.UtilityRatio),
            ["fit_seconds"] = m.Card.FitSeconds,
            ["sample_seconds"] = m.Card.SampleSeconds,
        }).ToArray()),
    };

    private static JsonNode? Number(double? value) => JsonSummary.Number(value);
}
