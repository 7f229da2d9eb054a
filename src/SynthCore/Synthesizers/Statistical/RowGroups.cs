namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Rows grouped by equal values of some columns (category codes, or missing / present), with NaN as
/// a value of its own. Groups are numbered in order of first appearance, so grouping is deterministic.
/// </summary>
internal sealed class RowGroups
{
    private RowGroups(int[] groupOf, int[][] members)
    {
        GroupOf = groupOf;
        Members = members;
    }

    /// <summary>The group of each row.</summary>
    public int[] GroupOf { get; }

    /// <summary>The rows of each group, ascending.</summary>
    public int[][] Members { get; }

    public int Count => Members.Length;

    /// <param name="rows">Rows in the table.</param>
    /// <param name="keys">Per grouping column, each row's key (a category code, 0/1 for missing, NaN allowed).</param>
    public static RowGroups By(int rows, IEnumerable<Func<int, double>> keys)
    {
        var groupOf = new int[rows];
        int count = 1;
        foreach (var key in keys)
        {
            // Refine the current grouping by one more key: (group, key) pairs get new numbers in order of first appearance.
            var ids = new Dictionary<(int, long), int>();
            for (int r = 0; r < rows; r++)
            {
                double k = key(r);
                long bits = double.IsNaN(k) ? long.MinValue : BitConverter.DoubleToInt64Bits(k);
                if (!ids.TryGetValue((groupOf[r], bits), out int id)) ids[(groupOf[r], bits)] = id = ids.Count;
                groupOf[r] = id;
            }
            count = ids.Count;
        }
        var sizes = new int[count];
        foreach (int g in groupOf) sizes[g]++;
        var members = sizes.Select(s => new int[s]).ToArray();
        var filled = new int[count];
        for (int r = 0; r < rows; r++) members[groupOf[r]][filled[groupOf[r]]++] = r;
        return new RowGroups(groupOf, members);
    }
}
