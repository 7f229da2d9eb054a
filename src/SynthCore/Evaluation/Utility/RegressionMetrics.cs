namespace SynthCore.Evaluation.Utility;

/// <summary>Regression scores from true and predicted values.</summary>
public static class RegressionMetrics
{
    /// <summary>
    /// Coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is perfect, 0 is no better than predicting the
    /// mean, below 0 is worse. NaN when the true values are constant.
    /// </summary>
    public static double RSquared(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        Check(truth.Count, predicted.Count);
        double mean = truth.Average();
        double residual = 0, total = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        return total > 0 ? 1 - residual / total : double.NaN;
    }

    /// <summary>Mean absolute error, in the target's units.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        Check(truth.Count, predicted.Count);
        return truth.Select((t, i) => Math.Abs(t - predicted[i])).Average();
    }

    private static void Check(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Expected as many predictions as true values ({a}), got {b}.");
        if (a == 0) throw new ArgumentException("No rows to score.");
    }
}
