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

    private readonly List<int> feature = [];
    private readonly List<double> threshold = [];
    private readonly List<bool[]?> leftCodes = [];
    private readonly List<int> left = [];
    private readonly List<int> right = [];
    private readonly List<int> donorStart = [];
    private readonly List<int> donorCount = [];
    private double[] donors = [];

    /// <summary>Nodes in the tree (leaves included).</summary>
    public int Nodes => feature.Count;
    public int Leaves => feature.Count(f => f < 0);

    /// <summary>Training rows in the smallest leaf.</summary>
    public int SmallestLeaf => Enumerable.Range(0, Nodes).Where(i => feature[i] < 0).Min(i => donorCount[i]);

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
                tree.feature[node] = -1;
                tree.donorStart[node] = donorsWritten;
                tree.donorCount[node] = length;
                foreach (int r in segment) donorList[donorsWritten++] = y[r];
                continue;
            }
            var s = split.Value;
            var column = binned[s.Column];
            // Partition the segment in place: left rows first, order kept within each side (deterministic).
            var goesLeft = new bool[column.Count];
            for (int b = 0; b < column.Count; b++) goesLeft[b] = s.LeftBins[b];
            int leftLength = StablePartition(segment, r => goesLeft[column.Bins[r]]);
            tree.feature[node] = s.Column;
            tree.threshold[node] = column.IsCategorical ? double.NaN : s.Threshold;
            tree.leftCodes[node] = column.IsCategorical ? s.LeftBins : null;
            int l = tree.AddNode(), rgt = tree.AddNode();
            tree.left[node] = l;
            tree.right[node] = rgt;
            stack.Push((rgt, start + leftLength, length - leftLength, depth + 1));
            stack.Push((l, start, leftLength, depth + 1));
        }
        tree.donors = donorList;
        return tree;
    }

    private int AddNode()
    {
        feature.Add(-1);
        threshold.Add(double.NaN);
        leftCodes.Add(null);
        left.Add(-1);
        right.Add(-1);
        donorStart.Add(0);
        donorCount.Add(0);
        return feature.Count - 1;
    }

    private static int StablePartition(Span<int> rows, Func<int, bool> isLeft)
    {
        var buffer = new int[rows.Length];
        int l = 0, r = 0;
        var rightRows = new int[rows.Length];
        foreach (int row in rows)
            if (isLeft(row)) buffer[l++] = row; else rightRows[r++] = row;
        Array.Copy(rightRows, 0, buffer, l, r);
        buffer.AsSpan().CopyTo(rows);
        return l;
    }

    /// <summary>A real target value from the leaf the row falls in; <paramref name="valueOf"/> gives the row's value of a column (NaN when missing).</summary>
    public double Sample(Func<int, double> valueOf, Random random)
    {
        int node = 0;
        while (feature[node] >= 0)
        {
            double x = valueOf(feature[node]);
            bool goLeft = leftCodes[node] is { } codes
                ? codes[double.IsNaN(x) ? 0 : (int)x + 1]
                : double.IsNaN(x) || x <= threshold[node];
            node = goLeft ? left[node] : right[node];
        }
        return donors[donorStart[node] + random.Next(donorCount[node])];
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Nodes);
        for (int i = 0; i < Nodes; i++)
        {
            writer.Write(feature[i]);
            writer.Write(threshold[i]);
            writer.Write(left[i]);
            writer.Write(right[i]);
            writer.Write(donorStart[i]);
            writer.Write(donorCount[i]);
            var codes = leftCodes[i];
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
        if (nodes < 1 || nodes > reader.BaseStream.Length) throw new Data.SynthException("The CART model file has a tree of impossible size.");
        for (int i = 0; i < nodes; i++)
        {
            tree.AddNode();
            tree.feature[i] = reader.ReadInt32();
            tree.threshold[i] = reader.ReadDouble();
            tree.left[i] = reader.ReadInt32();
            tree.right[i] = reader.ReadInt32();
            tree.donorStart[i] = reader.ReadInt32();
            tree.donorCount[i] = reader.ReadInt32();
            int codes = reader.ReadInt32();
            if (codes >= 0)
            {
                if (codes > 1 << 20) throw new Data.SynthException("The CART model file has a split over an impossible number of categories.");
                var set = new bool[codes];
                for (int c = 0; c < codes; c++) set[c] = reader.ReadBoolean();
                tree.leftCodes[i] = set;
            }
        }
        tree.donors = StatPayload.ReadArray(reader);
        for (int i = 0; i < nodes; i++)
        {
            bool leaf = tree.feature[i] < 0;
            bool ok = leaf
                ? tree.donorCount[i] > 0 && tree.donorStart[i] >= 0 && tree.donorStart[i] + tree.donorCount[i] <= tree.donors.Length
                : tree.left[i] > i && tree.left[i] < nodes && tree.right[i] > i && tree.right[i] < nodes
                  && (codesOf(tree.feature[i]) < 0 ? tree.leftCodes[i] is null : tree.leftCodes[i]?.Length == codesOf(tree.feature[i]));
            if (!ok) throw new Data.SynthException("The CART model file holds a damaged tree.");
        }
        return tree;
    }
}
