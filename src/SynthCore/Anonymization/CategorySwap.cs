namespace SynthCore.Anonymization;

/// <summary>What <see cref="CategorySwap.Apply"/> did to one column.</summary>
/// <param name="Column">The column.</param>
/// <param name="Redrawn">Values redrawn from the column's marginal (with probability the swap rate).</param>
/// <param name="Changed">Values that differ afterwards (a redraw can give the same category back).</param>
public sealed record SwapApplied(string Column, int Redrawn, int Changed);

/// <summary>
/// Category swapping (post-randomisation of categorical columns): each present value is, with probability p,
/// replaced by a draw from the column's own marginal (its observed values, so each category with its real
/// frequency). The marginal is kept in expectation; links between the column and the others are weakened by
/// p. Missing values stay missing. Disclosure control, not differential privacy.
/// </summary>
public static class CategorySwap
{
    /// <exception cref="SynthColumnException">A column is missing or not categorical / boolean.</exception>
    /// <exception cref="SynthOptionException">The rate is not in [0, 1].</exception>
    public static (DataFrame Table, IReadOnlyList<SwapApplied> Applied) Apply(DataFrame table, TableMetadata metadata,
        IReadOnlyCollection<string> columns, double rate, int seed)
    {
        if (!(rate >= 0 && rate <= 1)) throw new SynthOptionException("swap-rate", $"must be between 0 and 1 (got {rate}).");
        foreach (var name in columns)
        {
            if (!table.Columns.Any(c => c.Name == name)) throw new SynthColumnException(name, "is missing from the table.");
            var kind = metadata[name].Kind;
            if (kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
                throw new SynthColumnException(name, $"is {kind.ToString().ToLowerInvariant()}; categories are swapped in categorical and boolean columns only.");
        }
        var random = new RandomStreams(seed).Stream("swap");
        var applied = new List<SwapApplied>();
        var result = new List<DataFrameColumn>();
        foreach (var column in table.Columns)
        {
            var copy = column.Clone();
            result.Add(copy);
            if (!columns.Contains(column.Name)) continue;
            var present = Enumerable.Range(0, (int)column.Length).Select(r => column[r]).Where(v => !ColumnStorageExtensions.IsMissing(v)).ToArray();
            int redrawn = 0, changed = 0;
            for (int r = 0; r < column.Length && present.Length > 0; r++)
            {
                var value = column[r];
                if (ColumnStorageExtensions.IsMissing(value) || random.NextDouble() >= rate) continue;
                var drawn = present[random.Next(present.Length)];
                copy[r] = drawn;
                redrawn++;
                if (!Equals(drawn, value)) changed++;
            }
            applied.Add(new SwapApplied(column.Name, redrawn, changed));
        }
        return (new DataFrame(result), applied);
    }
}
