using SynthCore.Evaluation.Utility;

namespace SynthCore.Tests.Evaluation.Utility;

public sealed class UtilityMetricTests
{
    [Fact]
    public void Accuracy_and_macro_f1_by_hand()
    {
        Assert.Equal(0.8, ClassificationMetrics.Accuracy([0, 1, 2, 2, 1], [0, 2, 2, 2, 1]), 12);
        // Class 0: TP 1, FN 1 → 2/3. Class 1: TP 2, FP 1 → 4/5. Class 2: TP 1 → 1.
        Assert.Equal((2.0 / 3 + 0.8 + 1) / 3, ClassificationMetrics.MacroF1([0, 0, 1, 1, 2], [0, 1, 1, 1, 2]), 12);
        // A class that is only predicted counts with F1 0.
        Assert.Equal((2.0 / 3 + 0) / 2, ClassificationMetrics.MacroF1([0, 0], [0, 1]), 12);
    }

    [Fact]
    public void Roc_auc_counts_pairs_with_ties_as_half()
    {
        // Positives 0.9 and 0.4 against negatives 0.5, 0.1, 0.4: 3 + (0 + 1 + 0.5) = 4.5 of 6 pairs.
        bool[] positive = [true, false, false, true, false];
        double[] scores = [0.9, 0.5, 0.1, 0.4, 0.4];
        Assert.Equal(0.75, ClassificationMetrics.RocAuc(positive, scores), 12);
        Assert.Equal(1.0, ClassificationMetrics.RocAuc([false, true], [0.2, 0.3]), 12);
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([false, true, false, true], [1, 1, 1, 1]), 12);
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([true, true], [0.1, 0.2])));
    }

    [Fact]
    public void Macro_one_vs_rest_auc_by_hand()
    {
        int[] truth = [0, 1, 2, 0];
        double[][] p = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.5, 0.1, 0.4], [0.3, 0.4, 0.3]];
        // Class 0: positives 0.6, 0.3 vs negatives 0.2, 0.5 → (2 + 1) / 4 = 0.75.
        // Class 1: positive 0.5 vs 0.3, 0.1, 0.4 → 1. Class 2: positive 0.4 vs 0.1, 0.3, 0.3 → 1.
        Assert.Equal((0.75 + 1 + 1) / 3, ClassificationMetrics.MacroRocAuc(truth, p), 12);
        // Two classes: the ordinary AUC, whichever class is called positive.
        int[] binary = [0, 1, 1, 0];
        double[][] q = [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.5, 0.5]];
        Assert.Equal(ClassificationMetrics.RocAuc([false, true, true, false], [0.2, 0.7, 0.4, 0.5]), ClassificationMetrics.MacroRocAuc(binary, q), 12);
        Assert.Equal(0.75, ClassificationMetrics.MacroRocAuc(binary, q), 12);
    }

    [Fact]
    public void R_squared_and_mean_absolute_error_by_hand()
    {
        // Residual Σ 1, total Σ (y − 2.5)² = 5.
        Assert.Equal(0.8, RegressionMetrics.RSquared([1, 2, 3, 4], [1, 2, 3, 5]), 12);
        Assert.Equal(0.25, RegressionMetrics.MeanAbsoluteError([1, 2, 3, 4], [1, 2, 3, 5]), 12);
        Assert.Equal(0.0, RegressionMetrics.RSquared([1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5]), 12);
        Assert.Equal(1 - 4.0 * 9 / 5, RegressionMetrics.RSquared([1, 2, 3, 4], [4, 5, 6, 7]), 12);
        Assert.True(double.IsNaN(RegressionMetrics.RSquared([2, 2], [1, 3])));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.MeanAbsoluteError([1], [1, 2]));
    }
}
