namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A predictor column of CART as small bin codes, so a node's best split is found from a histogram
/// rather than by sorting its rows. Bin 0 is "missing". Numbers with at most <see cref="MaxBins"/>
/// distinct values get one bin per value (exact splits, as rpart's); otherwise bins are quantiles of
/// the values. Categories get one bin per code.
/// </summary>
internal sealed class BinnedColumn
{
    public const int MaxBins = 255;

    private BinnedColumn(ushort[] bins, int count, double[] upper, bool categorical)
    {
        Bins = bins;
        Count = count;
        Upper = upper;
        IsCategorical = categorical;
    }

    /// <summary>Each row's bin.</summary>
    public ushort[] Bins { get; }
    /// <summary>Bins, including the missing bin.</summary>
    public int Count { get; }
    /// <summary>Numbers: the largest value in each bin (a split after bin b sends x ≤ Upper[b] left).</summary>
    public double[] Upper { get; }
    public bool IsCategorical { get; }

    public static BinnedColumn Categorical(double[] codes, int categories)
    {
        var bins = new ushort[codes.Length];
        for (int r = 0; r < codes.Length; r++) bins[r] = double.IsNaN(codes[r]) ? (ushort)0 : (ushort)(codes[r] + 1);
        return new BinnedColumn(bins, categories + 1, [], true);
    }

    public static BinnedColumn Numeric(double[] values)
    {
        var sorted = values.Where(x => !double.IsNaN(x)).ToArray();
        Array.Sort(sorted);
        var distinct = new List<double>();
        foreach (double x in sorted) if (distinct.Count == 0 || distinct[^1] != x) distinct.Add(x);
        List<double> upper;
        if (distinct.Count <= MaxBins) upper = distinct;
        else
        {
            upper = [];
            for (int b = 1; b <= MaxBins; b++)
            {
                double edge = sorted[(int)Math.Min(sorted.Length - 1, (long)b * sorted.Length / MaxBins - 1 + (b == MaxBins ? 1 : 0))];
                if (upper.Count == 0 || upper[^1] < edge) upper.Add(edge);
            }
            if (upper[^1] < sorted[^1]) upper.Add(sorted[^1]);
        }
        var edges = upper.ToArray();
        var bins = new ushort[values.Length];
        for (int r = 0; r < values.Length; r++)
        {
            if (double.IsNaN(values[r])) continue;
            int i = Array.BinarySearch(edges, values[r]);
            bins[r] = (ushort)((i < 0 ? ~i : i) + 1);
        }
        return new BinnedColumn(bins, edges.Length + 1, [double.NegativeInfinity, .. edges], false);
    }
}
