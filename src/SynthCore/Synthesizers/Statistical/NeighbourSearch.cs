namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Exact k-nearest-neighbour search among a set of training rows, in SMOTE-NC's mixed distance
/// (see <see cref="FittedSmote"/>), with each row's answer cached. Ties go to the lower row index,
/// so the same rows always give the same neighbours.
/// </summary>
internal sealed class NeighbourSearch
{
    private readonly StatSchema schema;
    private readonly double[][] data;
    private readonly int k;
    private readonly double penalty;
    private readonly Dictionary<int, int[]> cache = new();

    /// <summary>Each training row's standardised numbers (row-major, NaN when missing), then its category codes: one contiguous read per distance.</summary>
    private readonly double[] numbers;
    private readonly double[] codes;
    private readonly int numericCount;
    private readonly int categoricalCount;

    public NeighbourSearch(StatSchema schema, double[][] data, int[] members, int k)
    {
        this.schema = schema;
        this.data = data;
        Members = members;
        this.k = k;
        penalty = MedianDeviation();
        int rows = data[schema.Modelled[0]].Length;
        numericCount = schema.Numeric.Length;
        categoricalCount = schema.Categorical.Length;
        numbers = new double[rows * numericCount];
        codes = new double[rows * categoricalCount];
        foreach (int r in members)
        {
            for (int i = 0; i < numericCount; i++)
            {
                var column = schema.Columns[schema.Numeric[i]];
                numbers[r * numericCount + i] = (data[schema.Numeric[i]][r] - column.Mean) / column.Deviation;
            }
            for (int i = 0; i < categoricalCount; i++) codes[r * categoricalCount + i] = data[schema.Categorical[i]][r];
        }
    }

    public int[] Members { get; }

    /// <summary>Squared median of the standardised numeric columns' deviations among the members; 1 with no numeric column.</summary>
    private double MedianDeviation()
    {
        var deviations = new List<double>();
        foreach (int c in schema.Numeric)
        {
            var column = schema.Columns[c];
            var z = Members.Select(r => data[c][r]).Where(x => !double.IsNaN(x)).Select(x => (x - column.Mean) / column.Deviation).ToArray();
            if (z.Length < 2) continue;
            double mean = z.Average();
            deviations.Add(Math.Sqrt(z.Sum(x => (x - mean) * (x - mean)) / z.Length));
        }
        if (deviations.Count == 0) return 1;
        deviations.Sort();
        int n = deviations.Count;
        double median = n % 2 == 1 ? deviations[n / 2] : (deviations[n / 2 - 1] + deviations[n / 2]) / 2;
        // All numeric columns constant within the members: categories still need a positive penalty to matter.
        return median > 0 ? median * median : 1;
    }

    public double Distance(int a, int b)
    {
        double sum = 0;
        for (int i = 0, pa = a * numericCount, pb = b * numericCount; i < numericCount; i++)
        {
            double x = numbers[pa + i], y = numbers[pb + i];
            bool xMissing = double.IsNaN(x), yMissing = double.IsNaN(y);
            if (xMissing && yMissing) continue;
            if (xMissing || yMissing) { sum += penalty; continue; }
            double d = x - y;
            sum += d * d;
        }
        for (int i = 0, pa = a * categoricalCount, pb = b * categoricalCount; i < categoricalCount; i++)
        {
            double x = codes[pa + i], y = codes[pb + i];
            // Equal codes, or both missing, cost nothing; a mismatch or one side missing costs the penalty.
            if (!(x == y || (double.IsNaN(x) && double.IsNaN(y)))) sum += penalty;
        }
        return sum;
    }

    /// <summary>The k members nearest to <paramref name="row"/>, itself excluded, nearest first.</summary>
    public int[] Of(int row)
    {
        if (cache.TryGetValue(row, out var found)) return found;
        // The k best so far, sorted by (distance, index): k is small, so insertion beats a heap.
        var best = new int[k];
        var bestDistance = new double[k];
        int filled = 0;
        foreach (int other in Members)
        {
            if (other == row) continue;
            double d = Distance(row, other);
            if (filled == k && !(d < bestDistance[k - 1] || (d == bestDistance[k - 1] && other < best[k - 1]))) continue;
            int at = filled < k ? filled++ : k - 1;
            while (at > 0 && (d < bestDistance[at - 1] || (d == bestDistance[at - 1] && other < best[at - 1])))
            {
                best[at] = best[at - 1];
                bestDistance[at] = bestDistance[at - 1];
                at--;
            }
            best[at] = other;
            bestDistance[at] = d;
        }
        var result = best[..filled];
        cache[row] = result;
        return result;
    }
}
