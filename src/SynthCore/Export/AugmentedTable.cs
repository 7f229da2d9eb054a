namespace SynthCore.Export;

/// <summary>Real rows followed by synthetic rows in one table, with a column saying which is which.</summary>
public static class AugmentedTable
{
    /// <summary>The default name of the provenance column.</summary>
    public const string SourceColumn = "source";

    public const string Real = "real";
    public const string Synthetic = "synthetic";

    /// <summary>
    /// Stacks <paramref name="real"/> then <paramref name="synthetic"/> (same columns, in the real table's
    /// order) and appends a text column <paramref name="sourceColumn"/> holding "real" or "synthetic".
    /// </summary>
    /// <exception cref="SynthColumnException">The real table already has a column of that name, or a column is missing from or typed differently in the synthetic rows.</exception>
    public static DataFrame Create(DataFrame real, DataFrame synthetic, string sourceColumn = SourceColumn)
    {
        if (real.Columns.Any(c => c.Name == sourceColumn))
            throw new SynthColumnException(sourceColumn, "already exists in the table, so it cannot hold the real/synthetic marker; choose another name for the source column.");
        var ordered = new DataFrame(real.Columns.Select(c => synthetic.Columns.Any(s => s.Name == c.Name)
            ? synthetic.Columns[c.Name]
            : throw new SynthColumnException(c.Name, "is missing from the synthetic rows.")));
        var stacked = TableRows.Concat([real, ordered]);
        var source = new StringDataFrameColumn(sourceColumn,
            Enumerable.Repeat(Real, (int)real.Rows.Count).Concat(Enumerable.Repeat(Synthetic, (int)synthetic.Rows.Count)));
        stacked.Columns.Add(source);
        return stacked;
    }
}
