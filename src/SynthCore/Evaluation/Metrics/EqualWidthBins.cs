namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Turns a numeric or date column into bin numbers so it can enter a contingency table, the way SDMetrics'
/// Column Pair Trends does (numpy's histogram_bin_edges, then digitize): 10 equal-width bins between the
/// non-missing minimum and maximum; a value's bin number is how many edges are ≤ it, so the maximum
/// itself lands in bin 11 and values below the first edge in bin 0. Missing values also get bin 11
/// (numpy sorts NaN after every edge); kept so scores match SDMetrics.
/// </summary>
public static class EqualWidthBins
{
    /// <summary>SDMetrics' (numpy's) default number of bins.</summary>
    public const int DefaultCount = 10;

    /// <summary>The <paramref name="count"/> + 1 edges spanning the non-missing values of <paramref name="column"/>.</summary>
    public static double[] Edges(DataFrameColumn column, int count = DefaultCount)
    {
        var values = ColumnValues.Numbers(column);
        // numpy's conventions: an empty sample spans [0, 1]; a constant one is widened by ±0.5.
        double low = values.Length == 0 ? 0 : values.Min(), high = values.Length == 0 ? 1 : values.Max();
        if (low == high) { low -= 0.5; high += 0.5; }
        var step = (high - low) / count;
        var edges = new double[count + 1];
        // Same arithmetic as numpy.linspace (i·step + start, last edge exactly the maximum), so values lying
        // on an edge fall in the same bin as in SDMetrics.
        for (var i = 0; i < count; i++) edges[i] = i * step + low;
        edges[count] = high;
        return edges;
    }

    /// <summary>The bin number of every row of <paramref name="column"/> against <paramref name="edges"/>.</summary>
    public static Int32DataFrameColumn Digitize(DataFrameColumn column, IReadOnlyList<double> edges)
    {
        var values = ColumnValues.AlignedNumbers(column);
        var bins = new int?[values.Length];
        for (var i = 0; i < values.Length; i++)
            bins[i] = values[i] is { } x ? CountEdgesAtOrBelow(edges, x) : edges.Count;
        return new Int32DataFrameColumn(column.Name, bins);
    }

    private static int CountEdgesAtOrBelow(IReadOnlyList<double> edges, double x)
    {
        int lo = 0, hi = edges.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (edges[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
