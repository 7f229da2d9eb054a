namespace SynthCore.Evaluation.Detection;

/// <summary>A column's share of the AUC the classifier loses when that column is shuffled (the shares of one classifier's columns add up to 1).</summary>
public sealed record ColumnImportance(string Column, double Share);

/// <summary>
/// One classifier's verdict. <see cref="Auc"/>: area under the ROC curve of its out-of-fold predictions, 0.5 when it
/// cannot tell real from synthetic, 1 when it always can. <see cref="Score"/>: SDMetrics' convention,
/// 1 − (2·max(AUC, 0.5) − 1): 1 is indistinguishable, 0 is always told apart.
/// </summary>
public sealed record DetectionScore(string Classifier, double Auc, IReadOnlyList<double> FoldAucs, IReadOnlyList<ColumnImportance> TopColumns)
{
    public double Score => 1 - (2 * Math.Max(Auc, 0.5) - 1);
}

/// <summary>Detection (a classifier two-sample test) with a linear model and with boosted trees, on balanced samples of both tables.</summary>
public sealed record DetectionReport(int RowsPerTable, int Folds, int Seed, DetectionScore Logistic, DetectionScore BoostedTrees)
{
    public IEnumerable<DetectionScore> Scores => [Logistic, BoostedTrees];
}
