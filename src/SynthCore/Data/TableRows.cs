namespace SynthCore.Data;

/// <summary>Stacking tables with the same columns (Microsoft.Data.Analysis has no vertical concat).</summary>
public static class TableRows
{
    /// <summary>The rows of <paramref name="parts"/> one after another; every part must have the same column names and types as the first.</summary>
    public static DataFrame Concat(IReadOnlyList<DataFrame> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("No tables to stack.", nameof(parts));
        var first = parts[0];
        long total = parts.Sum(p => p.Rows.Count);
        var columns = new List<DataFrameColumn>();
        for (int c = 0; c < first.Columns.Count; c++)
        {
            var head = first.Columns[c];
            var column = head.Clone(numberOfNullsToAppend: total - head.Length);
            long offset = head.Length;
            foreach (var part in parts.Skip(1))
            {
                var source = part.Columns[head.Name];
                if (source.DataType != head.DataType)
                    throw new SynthColumnException(head.Name, $"holds {source.DataType.Name} in one table and {head.DataType.Name} in another; cannot stack them.");
                for (long r = 0; r < source.Length; r++) column[offset + r] = source[r];
                offset += source.Length;
            }
            columns.Add(column);
        }
        return new DataFrame(columns);
    }
}
