namespace SynthCore.Evaluation.Utility;

/// <summary>
/// Classification scores from true and predicted class indices (0 … classes − 1) and per-class probabilities.
/// Hand-written because ML.NET's evaluators have no macro F1 or one-vs-rest AUC for several classes.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Share of rows predicted right.</summary>
    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        Check(truth.Count, predicted.Count);
        return (double)truth.Where((t, i) => t == predicted[i]).Count() / truth.Count;
    }

    /// <summary>
    /// The unweighted mean over classes of F1 = 2·TP / (2·TP + FP + FN), over the classes that occur in
    /// <paramref name="truth"/> or <paramref name="predicted"/> (as scikit-learn's f1_score(average="macro")).
    /// </summary>
    public static double MacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        Check(truth.Count, predicted.Count);
        var classes = truth.Concat(predicted).Distinct().ToArray();
        return classes.Average(c =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.Count; i++)
            {
                if (predicted[i] == c && truth[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            return 2.0 * tp / (2 * tp + fp + fn);
        });
    }

    /// <summary>
    /// Area under the ROC curve of <paramref name="scores"/> for telling <paramref name="positive"/> rows from the
    /// others: the probability that a random positive outscores a random negative, ties counting half
    /// (Mann-Whitney U with average ranks). NaN without both positives and negatives.
    /// </summary>
    public static double RocAuc(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        Check(positive.Count, scores.Count);
        int n = scores.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        long positives = positive.Count(p => p), negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double rankSum = Enumerable.Range(0, n).Where(i => positive[i]).Sum(i => ranks[i]);
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// Macro one-vs-rest AUC: each class's AUC of its probability against all other rows, averaged over the
    /// classes that occur in <paramref name="truth"/> (for two classes this is the ordinary AUC).
    /// </summary>
    /// <param name="probabilities">Per row, one score per class.</param>
    public static double MacroRocAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        Check(truth.Count, probabilities.Count);
        var classes = truth.Distinct().OrderBy(c => c).ToArray();
        if (classes.Length < 2) return double.NaN;
        return classes.Average(c => RocAuc(truth.Select(t => t == c).ToArray(), probabilities.Select(p => p[c]).ToArray()));
    }

    private static void Check(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Expected as many predictions as true values ({a}), got {b}.");
        if (a == 0) throw new ArgumentException("No rows to score.");
    }
}
