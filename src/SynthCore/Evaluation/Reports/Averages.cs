namespace SynthCore.Evaluation.Reports;

/// <summary>SDMetrics' averaging: NaN scores (metrics that could not be computed) are left out.</summary>
internal static class Averages
{
    /// <summary>The mean of the non-NaN values, or NaN when there are none.</summary>
    public static double NanMean(IEnumerable<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) { sum += v; count++; }
        return count == 0 ? double.NaN : sum / count;
    }
}
