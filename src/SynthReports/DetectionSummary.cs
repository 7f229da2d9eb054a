using SynthCore.Evaluation.Detection;

namespace SynthReports;

/// <summary>Detection as the report pages and the notebook show it: a sentence of what it means and one row per classifier.</summary>
public static class DetectionSummary
{
    public static readonly string[] Header = ["classifier", "AUC", "score", "what gives rows away"];

    public static string Explanation(DetectionReport detection) =>
        string.Create(CultureInfo.InvariantCulture, $"A classifier trained to tell synthetic rows from real ones ({detection.RowsPerTable:N0} rows of each, {detection.Folds}-fold cross-validation, seed {detection.Seed}). ")
        + "AUC 0.5: it cannot tell them apart; 1: it always can. Score = 1 − (2·max(AUC, 0.5) − 1), as SDMetrics' detection metrics. "
        + "What gives rows away: each column's share of the AUC the classifier loses when that column is shuffled.";

    public static IEnumerable<string[]> Rows(DetectionReport detection) => detection.Scores.Select(d => new[]
    {
        d.Classifier,
        d.Auc.ToString("0.000", CultureInfo.InvariantCulture),
        d.Score.ToString("0.000", CultureInfo.InvariantCulture),
        string.Join(", ", d.TopColumns.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Column} {100 * c.Share:0}%"))),
    });
}
