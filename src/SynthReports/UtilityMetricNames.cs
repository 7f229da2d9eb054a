using SynthCore.Evaluation.Utility;

namespace SynthReports;

/// <summary>The metrics a utility result holds, with the names the JSON, the console and the report use.</summary>
public static class UtilityMetricNames
{
    public static IEnumerable<(string Name, double? Value)> Of(UtilityScores scores)
    {
        if (scores.Accuracy is not null) yield return ("accuracy", scores.Accuracy);
        if (scores.MacroF1 is not null) yield return ("macro_f1", scores.MacroF1);
        if (scores.Accuracy is not null) yield return ("roc_auc", scores.RocAuc);
        if (scores.RSquared is not null || scores.MeanAbsoluteError is not null)
        {
            yield return ("r2", scores.RSquared);
            yield return ("mae", scores.MeanAbsoluteError);
        }
    }

    /// <summary>Rows of (model, metric, TRTR, TSTR) for tables and charts.</summary>
    public static IEnumerable<(string Model, string Metric, double? Real, double? Synthetic)> Rows(UtilityReport utility) =>
        utility.Results.SelectMany(r => Of(r.TrainRealTestReal).Zip(Of(r.TrainSyntheticTestReal),
            (real, synthetic) => (r.Model, real.Name, real.Value, synthetic.Value)));
}
