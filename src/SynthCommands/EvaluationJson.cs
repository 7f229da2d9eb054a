using SynthCore.Evaluation.Scorecards;
using SynthReports;

namespace SynthCommands;

/// <summary>
/// The --json of <c>synth evaluate</c>: top-level <c>score</c>, <c>column_shapes</c> and <c>column_pair_trends</c>
/// (0–1, as SDMetrics reports them), the 0–100 score, the details per column and per pair, the toolkit
/// extras and the diagnostic report. NaN (a score that could not be computed) is written as null.
/// </summary>
internal static class EvaluationJson
{
    public static JsonObject From(TableEvaluation evaluation)
    {
        var quality = evaluation.Quality;
        return new JsonObject
        {
            ["real"] = evaluation.RealName,
            ["synthetic"] = evaluation.SyntheticName,
            ["real_rows"] = evaluation.RealRows,
            ["synthetic_rows"] = evaluation.SyntheticRows,
            ["score"] = Number(quality.Score),
            ["score_100"] = Number(quality.Score100),
            ["column_shapes"] = Number(quality.PropertyScore(SynthCore.Evaluation.Reports.ColumnShapes.Name)),
            ["column_pair_trends"] = Number(quality.PropertyScore(SynthCore.Evaluation.Reports.ColumnPairTrends.Name)),
            ["column_shapes_details"] = Array(quality.ColumnShapes, c => new JsonObject
            {
                ["column"] = c.Column, ["metric"] = c.Metric, ["score"] = Number(c.Score), ["error"] = c.Error,
            }),
            ["column_pair_trends_details"] = Array(quality.ColumnPairTrends, p => new JsonObject
            {
                ["column_1"] = p.Column1, ["column_2"] = p.Column2, ["metric"] = p.Metric, ["score"] = Number(p.Score),
                ["real_correlation"] = Number(p.RealCorrelation), ["synthetic_correlation"] = Number(p.SyntheticCorrelation),
                ["error"] = p.Error,
            }),
            ["column_distributions"] = Array(quality.ColumnDistributions, d => new JsonObject
            {
                ["column"] = d.Column,
                ["real_mean"] = Number(d.RealMean), ["synthetic_mean"] = Number(d.SyntheticMean),
                ["real_std"] = Number(d.RealStd), ["synthetic_std"] = Number(d.SyntheticStd),
                ["wasserstein"] = Number(d.Wasserstein), ["ks_statistic"] = Number(d.KsStatistic), ["ks_p_value"] = Number(d.KsPValue),
            }),
            ["correlation_difference_frobenius"] = Number(quality.CorrelationDifference),
            ["pca_explained_variance_ratio"] = evaluation.Pca is null ? null
                : new JsonArray(evaluation.Pca.ExplainedVarianceRatio.Select(r => Number(r)).ToArray()),
            ["utility"] = evaluation.Utility is null ? null : Utility(evaluation.Utility),
            ["holdout_rows"] = evaluation.HoldoutRows,
            ["utility_tested_on"] = evaluation.Utility is null ? null : evaluation.HoldoutRows is null ? "real_split" : "holdout",
            ["privacy"] = evaluation.Privacy is null ? null : JsonNode.Parse(evaluation.Privacy.ToJson()),
            ["detection"] = evaluation.Detection is not { } detection ? null : new JsonObject
            {
                ["rows_per_table"] = detection.RowsPerTable,
                ["folds"] = detection.Folds,
                ["seed"] = detection.Seed,
                ["logistic_regression"] = Detection(detection.Logistic),
                ["boosted_trees"] = Detection(detection.BoostedTrees),
            },
            ["diagnostic"] = new JsonObject
            {
                ["score"] = Number(evaluation.Diagnostic.Score),
                ["properties"] = Array(evaluation.Diagnostic.Properties, p => new JsonObject { ["property"] = p.Property, ["score"] = Number(p.Score) }),
                ["data_validity_details"] = Array(evaluation.Diagnostic.DataValidity, c => new JsonObject
                {
                    ["column"] = c.Column, ["metric"] = c.Metric, ["score"] = Number(c.Score), ["error"] = c.Error,
                }),
                ["data_structure_details"] = Array(evaluation.Diagnostic.DataStructure, t => new JsonObject
                {
                    ["metric"] = t.Metric, ["score"] = Number(t.Score), ["error"] = t.Error,
                }),
            },
        };
    }

    private static JsonObject Detection(SynthCore.Evaluation.Detection.DetectionScore score) => new()
    {
        ["auc"] = Number(score.Auc),
        ["score"] = Number(score.Score),
        ["fold_aucs"] = new JsonArray(score.FoldAucs.Select(a => Number(a)).ToArray()),
        ["top_columns"] = Array(score.TopColumns, c => new JsonObject { ["column"] = c.Column, ["share"] = Number(c.Share) }),
    };

    private static JsonObject Utility(SynthCore.Evaluation.Utility.UtilityReport utility) => new()
    {
        ["score_percent"] = Number(utility.ScorePercent),
        ["score_metric"] = utility.ScoreMetric,
        ["target"] = utility.Target,
        ["task"] = utility.Task == SynthCore.Evaluation.Utility.UtilityTask.Classification ? "classification" : "regression",
        ["real_train_rows"] = utility.RealTrainRows,
        ["real_test_rows"] = utility.RealTestRows,
        ["synthetic_rows"] = utility.SyntheticRows,
        ["classes"] = utility.Classes is null ? null : new JsonArray(utility.Classes.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        ["models"] = Array(utility.Results, r => new JsonObject
        {
            ["model"] = r.Model,
            ["train_real_test_real"] = Scores(r.TrainRealTestReal),
            ["train_synthetic_test_real"] = Scores(r.TrainSyntheticTestReal),
        }),
    };

    private static JsonObject Scores(SynthCore.Evaluation.Utility.UtilityScores scores)
    {
        var node = new JsonObject();
        foreach (var (name, value) in UtilityMetricNames.Of(scores)) node[name] = Number(value);
        return node;
    }

    private static JsonNode? Number(double? value) => JsonSummary.Number(value);

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> map) => new(items.Select(i => (JsonNode?)map(i)).ToArray());
}
