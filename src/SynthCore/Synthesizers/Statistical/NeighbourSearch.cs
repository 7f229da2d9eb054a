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

    public NeighbourSearch(StatSchema schema, double[][] data, int[] members, int k)
    {
        this.schema = schema;
        this.data = data;
        Members = members;
        this.k = k;
        penalty = MedianDeviation();
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
        foreach (int c in schema.Modelled)
        {
            double x = data[c][a], y = data[c][b];
            bool xMissing = double.IsNaN(x), yMissing = double.IsNaN(y);
            if (xMissing && yMissing) continue;
            if (xMissing || yMissing) { sum += penalty; continue; }
            var column = schema.Columns[c];
            if (column.Role == StatRole.Numeric)
            {
                double d = (x - y) / column.Deviation;
                sum += d * d;
            }
            else if (x != y) sum += penalty;
        }
        return sum;
    }

    /// <summary>The k members nearest to <paramref name="row"/>, itself excluded, nearest first.</summary>
    public int[] Of(int row)
    {
        if (cache.TryGetValue(row, out var found)) return found;
        // A bounded max-heap on (distance, index) keeps the k best in O(members × log k).
        var heap = new PriorityQueue<int, (double Distance, int Index)>(k + 1, Comparer<(double Distance, int Index)>.Create((p, q) =>
            p.Distance != q.Distance ? q.Distance.CompareTo(p.Distance) : q.Index.CompareTo(p.Index)));
        foreach (int other in Members)
        {
            if (other == row) continue;
            double d = Distance(row, other);
            if (heap.Count < k) heap.Enqueue(other, (d, other));
            else if (heap.TryPeek(out _, out var worst) && (d < worst.Distance || (d == worst.Distance && other < worst.Index)))
            {
                heap.Dequeue();
                heap.Enqueue(other, (d, other));
            }
        }
        var result = new int[heap.Count];
        for (int i = result.Length - 1; i >= 0; i--) result[i] = heap.Dequeue();
        cache[row] = result;
        return result;
    }
}
