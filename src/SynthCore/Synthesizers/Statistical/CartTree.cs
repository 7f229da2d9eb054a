using MathNet.Numerics.Statistics;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// One CART of the sequential synthesis: a regression tree (squared error) for a numeric target or
/// a classification tree (Gini) for a categorical one, grown on the preceding columns until leaves
/// would fall under the minimum size or no split helps (synthpop's defaults: minbucket 5, cp ≈ 0).
/// Each leaf keeps its rows' real target values (missing included), which sampling draws from.
/// <para>
/// Splits: numbers by threshold, found on <see cref="BinnedColumn"/> histograms; missing values of a
/// predictor always go left (they form the lowest bin). Categories are ordered by the node's mean
/// target (regression) or share of the node's most common class (classification) and split like
/// numbers: exact for regression and two classes (Breiman et al. 1984), a standard shortcut otherwise.
/// </para>
/// </summary>
internal sealed class CartTree
{
    private const int MaxDepth = 60;

    /// <summary>One node, in one struct so a lookup touches one cache line (trees of a million rows have ~10⁵ nodes).</summary>
    private struct Node
    {
        /// <summary>The predictor column split on, or −1 for a leaf.</summary>
        public int Feature;
        /// <summary>Numeric split: x ≤ threshold (or missing) goes left.</summary>
        public double Threshold;
        public int Left;
        public int Right;
        /// <summary>Leaf: its real values in <see cref="donors"/>.</summary>
        public int DonorStart;
        public int DonorCount;
        /// <summary>Categorical split: which bins (0 = missing, code + 1) go left.</summary>
        public bool[]? LeftCodes;
    }

    private Node[] nodes = new Node[16];
    private int count;
    private double[] donors = [];
    /// <summary>Per node: the smoothing bandwidth of a leaf's numeric values (0 for inner nodes and leaves with no spread).</summary>
    private double[] bandwidths = [];

    /// <summary>Every training value of the target, leaf by leaf (each training row lies in one leaf).</summary>
    public ReadOnlySpan<double> Donors => donors;

    /// <summary>Nodes in the tree (leaves included).</summary>
    public int Nodes => count;
    public int Leaves => nodes.Take(count).Count(n => n.Feature < 0);

    /// <summary>Levels below the root of the deepest leaf.</summary>
    public int Depth
    {
        get
        {
            int deepest = 0;
            var stack = new Stack<(int Node, int Depth)>([(0, 0)]);
            while (stack.TryPop(out var item))
            {
                deepest = Math.Max(deepest, item.Depth);
                if (nodes[item.Node].Feature >= 0)
                {
                    stack.Push((nodes[item.Node].Left, item.Depth + 1));
                    stack.Push((nodes[item.Node].Right, item.Depth + 1));
                }
            }
            return deepest;
        }
    }

    /// <summary>Training rows in the smallest leaf.</summary>
    public int SmallestLeaf => nodes.Take(count).Where(n => n.Feature < 0).Min(n => n.DonorCount);

    /// <summary>Grows a tree predicting column <paramref name="target"/> of <paramref name="data"/> from the <paramref name="predictors"/>.</summary>
    /// <param name="classes">Categories of a categorical target (its missing code is <paramref name="classes"/>), or 0 for a numeric target.</param>
    public static CartTree Grow(double[][] data, IReadOnlyDictionary<int, BinnedColumn> binned, int[] predictors, int target, int classes, int minLeaf, CancellationToken cancellation)
    {
        var tree = new CartTree();
        var y = data[target];
        int n = y.Length;
        var rows = Enumerable.Range(0, n).ToArray();
        var donorList = new double[n];
        int donorsWritten = 0;
        var grower = new CartSplitFinder(y, classes, minLeaf, predictors.Select(p => (p, binned[p])).ToArray());

        var stack = new Stack<(int Node, int Start, int Length, int Depth)>();
        var scratch = new int[n];
        tree.AddNode();
        stack.Push((0, 0, n, 0));
        long work = 0;
        while (stack.Count > 0)
        {
            var (node, start, length, depth) = stack.Pop();
            if ((work += length) > 1_000_000) { cancellation.ThrowIfCancellationRequested(); work = 0; }
            var segment = rows.AsSpan(start, length);
            var split = depth < MaxDepth && length >= 2 * minLeaf ? grower.Best(segment) : null;
            if (split is null)
            {
                tree.nodes[node].Feature = -1;
                tree.nodes[node].DonorStart = donorsWritten;
                tree.nodes[node].DonorCount = length;
                foreach (int r in segment) donorList[donorsWritten++] = y[r];
                continue;
            }
            var s = split.Value;
            var column = binned[s.Column];
            // Partition the segment in place: left rows first, order kept within each side (deterministic).
            int leftLength = StablePartition(segment, scratch, column.Bins, s.LeftBins);
            tree.nodes[node].Feature = s.Column;
            tree.nodes[node].Threshold = column.IsCategorical ? double.NaN : s.Threshold;
            tree.nodes[node].LeftCodes = column.IsCategorical ? s.LeftBins : null;
            int l = tree.AddNode(), rgt = tree.AddNode();
            tree.nodes[node].Left = l;
            tree.nodes[node].Right = rgt;
            stack.Push((rgt, start + leftLength, length - leftLength, depth + 1));
            stack.Push((l, start, leftLength, depth + 1));
        }
        tree.donors = donorList;
        Array.Resize(ref tree.nodes, tree.count);
        tree.bandwidths = tree.LeafBandwidths();
        return tree;
    }

    private int AddNode()
    {
        if (count == nodes.Length) Array.Resize(ref nodes, nodes.Length * 2);
        nodes[count] = new Node { Feature = -1, Threshold = double.NaN, Left = -1, Right = -1 };
        return count++;
    }

    /// <summary>Left rows first, then right rows, each in their original order; <paramref name="scratch"/> holds the right rows meanwhile.</summary>
    private static int StablePartition(Span<int> rows, int[] scratch, ushort[] bins, bool[] leftBins)
    {
        int l = 0, r = 0;
        foreach (int row in rows)
            if (leftBins[bins[row]]) rows[l++] = row; else scratch[r++] = row;
        scratch.AsSpan(0, r).CopyTo(rows[l..]);
        return l;
    }

    /// <summary>
    /// Each leaf's kernel bandwidth by Silverman's rule, 0.9·min(sd, IQR/1.34)·n^(−1/5) over its non-missing values
    /// (synthpop's density smoothing uses the same rule). A leaf whose middle half is one value gets 0: a point
    /// mass (a zero capital gain, a column the earlier ones determine) stays exact. Derived from the leaf values,
    /// so it needs no room in the model file.
    /// </summary>
    private double[] LeafBandwidths()
    {
        var result = new double[count];
        for (int i = 0; i < count; i++)
        {
            if (nodes[i].Feature >= 0) continue;
            result[i] = SilvermanBandwidth(new ArraySegment<double>(donors, nodes[i].DonorStart, nodes[i].DonorCount).Where(double.IsFinite).ToArray());
        }
        return result;
    }

    /// <summary>
    /// Silverman's rule over <paramref name="values"/> (present values only; sorted in place). Unlike the bootstrap's
    /// jitter bandwidth, a zero IQR gives 0 rather than falling back to the standard deviation: a leaf whose middle half
    /// is one value is a point mass and stays exact.
    /// </summary>
    internal static double SilvermanBandwidth(double[] values)
    {
        if (values.Length < 2) return 0;
        Array.Sort(values);
        double spread = Math.Min(values.StandardDeviation(), (SortedArrayStatistics.UpperQuartile(values) - SortedArrayStatistics.LowerQuartile(values)) / 1.34);
        return spread > 0 ? 0.9 * spread * Math.Pow(values.Length, -0.2) : 0;
    }

    /// <summary>A real target value from the leaf that row <paramref name="row"/> of <paramref name="columns"/> (one array per column, NaN when missing) falls in.</summary>
    public double Sample(double[]?[] columns, int row, Random random) => Sample(columns, row, random, out _);

    /// <summary>As <see cref="Sample(double[][], int, Random)"/>, with the leaf's smoothing bandwidth.</summary>
    public double Sample(double[]?[] columns, int row, Random random, out double bandwidth)
    {
        int at = 0;
        while (nodes[at].Feature >= 0)
        {
            ref readonly var node = ref nodes[at];
            double x = columns[node.Feature]![row];
            bool goLeft = node.LeftCodes is { } codes
                ? codes[double.IsNaN(x) ? 0 : (int)x + 1]
                : double.IsNaN(x) || x <= node.Threshold;
            at = goLeft ? node.Left : node.Right;
        }
        bandwidth = bandwidths[at];
        return donors[nodes[at].DonorStart + random.Next(nodes[at].DonorCount)];
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Nodes);
        for (int i = 0; i < Nodes; i++)
        {
            ref readonly var node = ref nodes[i];
            writer.Write(node.Feature);
            writer.Write(node.Threshold);
            writer.Write(node.Left);
            writer.Write(node.Right);
            writer.Write(node.DonorStart);
            writer.Write(node.DonorCount);
            var codes = node.LeftCodes;
            writer.Write(codes?.Length ?? -1);
            if (codes is not null) foreach (bool b in codes) writer.Write(b);
        }
        StatPayload.WriteArray(writer, donors);
    }

    /// <param name="codesOf">Bins of a categorical predictor (categories + 1), or -1 for a numeric one.</param>
    public static CartTree Read(BinaryReader reader, Func<int, int> codesOf)
    {
        var tree = new CartTree();
        int nodes = reader.ReadInt32();
        if (nodes < 1 || nodes > reader.BaseStream.Length) throw new SynthException("The CART model file has a tree of impossible size.");
        tree.nodes = new Node[nodes];
        tree.count = nodes;
        for (int i = 0; i < nodes; i++)
        {
            ref var node = ref tree.nodes[i];
            node.Feature = reader.ReadInt32();
            node.Threshold = reader.ReadDouble();
            node.Left = reader.ReadInt32();
            node.Right = reader.ReadInt32();
            node.DonorStart = reader.ReadInt32();
            node.DonorCount = reader.ReadInt32();
            int codes = reader.ReadInt32();
            if (codes >= 0)
            {
                if (codes > 1 << 20) throw new SynthException("The CART model file has a split over an impossible number of categories.");
                var set = new bool[codes];
                for (int c = 0; c < codes; c++) set[c] = reader.ReadBoolean();
                node.LeftCodes = set;
            }
        }
        tree.donors = StatPayload.ReadArray(reader);
        for (int i = 0; i < nodes; i++)
        {
            var node = tree.nodes[i];
            bool ok = node.Feature < 0
                ? node.DonorCount > 0 && node.DonorStart >= 0 && node.DonorStart + node.DonorCount <= tree.donors.Length
                : node.Left > i && node.Left < nodes && node.Right > i && node.Right < nodes
                  && (codesOf(node.Feature) < 0 ? node.LeftCodes is null : node.LeftCodes?.Length == codesOf(node.Feature));
            if (!ok) throw new SynthException("The CART model file holds a damaged tree.");
        }
        tree.bandwidths = tree.LeafBandwidths();
        return tree;
    }
}
