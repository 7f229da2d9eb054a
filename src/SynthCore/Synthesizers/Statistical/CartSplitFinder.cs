namespace SynthCore.Synthesizers.Statistical;

/// <summary>A chosen split: the predictor, which of its bins go left, the numeric threshold (x ≤ threshold goes left) and the impurity decrease.</summary>
internal readonly record struct CartSplit(int Column, bool[] LeftBins, double Threshold, double Gain);

/// <summary>
/// Finds a node's best split over all predictors from per-bin histograms: squared-error decrease
/// for a numeric target (rows with a missing target follow the splits but do not count in the
/// error), Gini decrease for a categorical one (missing is a class). Both sides must keep at least
/// the minimum leaf size; a split must lower the impurity by more than 1e-9 of the node's own.
/// </summary>
internal sealed class CartSplitFinder
{
    private readonly double[] y;
    private readonly int classes;
    private readonly int minLeaf;
    private readonly (int Column, BinnedColumn Bins)[] predictors;
    private readonly int[] count;
    private readonly double[] observed;
    private readonly double[] sum;
    private readonly double[] classCount;
    private readonly List<int> touched = [];

    /// <param name="classes">Categories of a categorical target (missing is code <paramref name="classes"/>), 0 for numeric.</param>
    public CartSplitFinder(double[] y, int classes, int minLeaf, (int Column, BinnedColumn Bins)[] predictors)
    {
        this.y = y;
        this.classes = classes;
        this.minLeaf = minLeaf;
        this.predictors = predictors;
        int maxBins = predictors.Length == 0 ? 1 : predictors.Max(p => p.Bins.Count);
        count = new int[maxBins];
        observed = new double[maxBins];
        sum = new double[maxBins];
        classCount = new double[classes > 0 ? maxBins * (classes + 1) : 0];
    }

    private bool IsClassification => classes > 0;
    private int Width => classes + 1;
    private int ClassOf(int row) => double.IsNaN(y[row]) ? classes : (int)y[row];

    public CartSplit? Best(ReadOnlySpan<int> rows)
    {
        int n = rows.Length;
        // Node totals and impurity.
        double m = 0, s = 0, squares = 0;
        var totals = IsClassification ? new double[Width] : [];
        foreach (int r in rows)
        {
            if (IsClassification) totals[ClassOf(r)]++;
            else if (!double.IsNaN(y[r])) { m++; s += y[r]; squares += y[r] * y[r]; }
        }
        double impurity, baseScore;
        if (IsClassification)
        {
            baseScore = totals.Sum(t => t * t) / n;
            impurity = n - baseScore;
        }
        else
        {
            if (m < 2) return null;
            baseScore = s * s / m;
            impurity = squares - baseScore;
        }
        if (!(impurity > 1e-12 * Math.Max(1, Math.Abs(squares)))) return null;
        int majority = IsClassification ? Array.IndexOf(totals, totals.Max()) : 0;

        CartSplit? best = null;
        double bestGain = 1e-9 * impurity;
        foreach (var (column, bins) in predictors)
        {
            touched.Clear();
            foreach (int r in rows)
            {
                int b = bins.Bins[r];
                if (count[b]++ == 0) touched.Add(b);
                if (IsClassification) classCount[b * Width + ClassOf(r)]++;
                else if (!double.IsNaN(y[r])) { observed[b]++; sum[b] += y[r]; }
            }
            if (touched.Count > 1)
            {
                if (bins.IsCategorical)
                {
                    double nodeMean = m > 0 ? s / m : 0;
                    touched.Sort((a, b) =>
                    {
                        double ka = IsClassification ? classCount[a * Width + majority] / count[a] : observed[a] > 0 ? sum[a] / observed[a] : nodeMean;
                        double kb = IsClassification ? classCount[b * Width + majority] / count[b] : observed[b] > 0 ? sum[b] / observed[b] : nodeMean;
                        return ka != kb ? ka.CompareTo(kb) : a.CompareTo(b);
                    });
                }
                else if (touched.Count > 32)
                {
                    // Many bins in use: a pass over all bins lists them in order faster than sorting.
                    touched.Clear();
                    for (int b = 0; b < bins.Count; b++) if (count[b] > 0) touched.Add(b);
                }
                else touched.Sort();
                var split = Scan(column, bins, n, m, s, totals, baseScore, ref bestGain);
                if (split is not null) best = split;
            }
            foreach (int b in touched)
            {
                count[b] = 0;
                observed[b] = 0;
                sum[b] = 0;
                if (IsClassification) Array.Clear(classCount, b * Width, Width);
            }
        }
        return best;
    }

    private CartSplit? Scan(int column, BinnedColumn bins, int n, double m, double s, double[] totals, double baseScore, ref double bestGain)
    {
        int leftRows = 0;
        double leftObserved = 0, leftSum = 0;
        var leftClasses = IsClassification ? new double[Width] : [];
        int bestAt = -1;
        for (int i = 0; i < touched.Count - 1; i++)
        {
            int b = touched[i];
            leftRows += count[b];
            if (IsClassification) for (int c = 0; c < Width; c++) leftClasses[c] += classCount[b * Width + c];
            else { leftObserved += observed[b]; leftSum += sum[b]; }
            int rightRows = n - leftRows;
            if (leftRows < minLeaf) continue;
            if (rightRows < minLeaf) break;
            double score;
            if (IsClassification)
            {
                double l = 0, r = 0;
                for (int c = 0; c < Width; c++)
                {
                    l += leftClasses[c] * leftClasses[c];
                    double rc = totals[c] - leftClasses[c];
                    r += rc * rc;
                }
                score = l / leftRows + r / rightRows;
            }
            else
            {
                double rightObserved = m - leftObserved, rightSum = s - leftSum;
                score = (leftObserved > 0 ? leftSum * leftSum / leftObserved : 0) + (rightObserved > 0 ? rightSum * rightSum / rightObserved : 0);
            }
            double gain = score - baseScore;
            if (gain > bestGain)
            {
                bestGain = gain;
                bestAt = i;
            }
        }
        if (bestAt < 0) return null;
        var leftBins = new bool[bins.Count];
        for (int i = 0; i <= bestAt; i++) leftBins[touched[i]] = true;
        if (!bins.IsCategorical)
        {
            // Every bin up to the split's goes left, including bins this node has no rows in.
            for (int b = 0; b <= touched[bestAt]; b++) leftBins[b] = true;
        }
        return new CartSplit(column, leftBins, bins.IsCategorical ? double.NaN : bins.Upper[touched[bestAt]], bestGain);
    }
}
