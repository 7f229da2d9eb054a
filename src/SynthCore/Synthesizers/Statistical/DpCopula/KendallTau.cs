namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>
/// Kendall's tau-a in O(n log n) (Knight 1966: sort by x, count inversions of y by merge sort). Ties are
/// broken by per-row random keys supplied by the caller, so every pair is strictly concordant or
/// discordant and each pair's vote depends only on its two rows: replacing one row changes at most
/// n − 1 votes by 2 each, so tau moves by at most 4/n, the sensitivity the DP copula uses.
/// Hand-written because MathNet has no O(n log n) Kendall.
/// </summary>
internal static class KendallTau
{
    public static double Compute(double[] x, double[] xKeys, double[] y, double[] yKeys)
    {
        int n = x.Length;
        if (n < 2) return 0;
        var byX = Enumerable.Range(0, n).ToArray();
        Array.Sort(byX, (a, b) => x[a] != x[b] ? x[a].CompareTo(x[b]) : xKeys[a].CompareTo(xKeys[b]));
        var byY = Enumerable.Range(0, n).ToArray();
        Array.Sort(byY, (a, b) => y[a] != y[b] ? y[a].CompareTo(y[b]) : yKeys[a].CompareTo(yKeys[b]));
        var yRank = new int[n];
        for (int r = 0; r < n; r++) yRank[byY[r]] = r;
        var sequence = byX.Select(i => yRank[i]).ToArray();
        long inversions = CountInversions(sequence, new int[n], 0, n);
        double pairs = n * (n - 1.0) / 2;
        return 1 - 2 * inversions / pairs;
    }

    private static long CountInversions(int[] a, int[] buffer, int lo, int hi)
    {
        if (hi - lo < 2) return 0;
        int mid = (lo + hi) / 2;
        long count = CountInversions(a, buffer, lo, mid) + CountInversions(a, buffer, mid, hi);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            if (a[i] <= a[j]) buffer[k++] = a[i++];
            else { count += mid - i; buffer[k++] = a[j++]; }
        }
        while (i < mid) buffer[k++] = a[i++];
        while (j < hi) buffer[k++] = a[j++];
        Array.Copy(buffer, lo, a, lo, hi - lo);
        return count;
    }
}
