namespace SynthCore.Evaluation.Privacy;

/// <summary>Area under the ROC curve of a score separating positives from negatives.</summary>
internal static class RocAuc
{
    /// <summary>
    /// The Mann–Whitney form: the probability that a random positive scores higher than a random
    /// negative, ties counting one half (mid-ranks), which equals the trapezoidal ROC area.
    /// </summary>
    public static double Compute(IReadOnlyList<double> positiveScores, IReadOnlyList<double> negativeScores)
    {
        int p = positiveScores.Count, n = negativeScores.Count;
        if (p == 0 || n == 0) throw new ArgumentException("Both classes need at least one score.");
        var all = positiveScores.Select(s => (Score: s, Positive: true))
            .Concat(negativeScores.Select(s => (Score: s, Positive: false)))
            .OrderBy(x => x.Score).ToArray();
        double positiveRankSum = 0;
        for (int start = 0; start < all.Length;)
        {
            int end = start;
            while (end + 1 < all.Length && all[end + 1].Score == all[start].Score) end++;
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++)
                if (all[k].Positive) positiveRankSum += midRank;
            start = end + 1;
        }
        return (positiveRankSum - p * (p + 1.0) / 2) / ((double)p * n);
    }
}
