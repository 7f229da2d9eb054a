namespace SynthCore.Synthesizers.Statistical;

/// <summary>How <see cref="CartSynthesizer"/> draws a numeric value from a leaf.</summary>
public enum CartSmoothing
{
    /// <summary>A real value of the leaf, as it was.</summary>
    None,
    /// <summary>A real value of the leaf plus Gaussian noise of the leaf's Silverman bandwidth, reflected into the column's range.</summary>
    Density,
}

/// <summary>Options of <see cref="CartSynthesizer"/>.</summary>
public sealed record CartOptions : IValidatedOptions
{
    /// <summary>
    /// Fewest training rows in a leaf (<c>--option min-leaf=5</c>, synthpop's minbucket). Null: √rows, at least 5
    /// (128 on 16,000 rows): leaves that large keep a synthetic row from following one training row through
    /// the trees; measured on Adult in docs/evaluation.md, where minbucket 5 puts 1.6% of rows on a training row.
    /// </summary>
    public int? MinLeaf { get; init; }

    /// <summary>
    /// The order columns are synthesized in (<c>--option visit-order=Species,Island,...</c>); every
    /// column except identifiers, once. Null: fewest distinct values first (table order among equals), so the
    /// trees split on coarse columns and a near-unique column (a weight, an amount) comes last, where no later
    /// column can single a row out by it.
    /// </summary>
    public IReadOnlyList<string>? VisitOrder { get; init; }

    /// <summary>
    /// How numeric values are drawn from a leaf (<c>--option smoothing=density|none</c>): <c>density</c> adds
    /// Gaussian kernel noise with the leaf's own bandwidth, so rows are not copies of training rows; <c>none</c>
    /// draws the real values themselves (synthpop's default).
    /// </summary>
    public CartSmoothing Smoothing { get; init; } = CartSmoothing.Density;

    /// <summary>Seed of sampling when none is given.</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        if (MinLeaf is < 1) throw new SynthOptionException("min-leaf", $"must be at least 1 (got {MinLeaf}).");
        if (VisitOrder is { Count: 0 }) throw new SynthOptionException("visit-order", "must name the columns, separated by commas.");
        var duplicate = VisitOrder?.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SynthOptionException("visit-order", $"names column '{duplicate.Key}' twice.");
    }

    /// <summary>The leaf size used on a table of <paramref name="rows"/> rows.</summary>
    internal int MinLeafFor(int rows) => MinLeaf ?? Math.Max(5, (int)Math.Round(Math.Sqrt(rows)));

    /// <summary>The visit order as schema column indexes, checked against the table (<paramref name="data"/>: encoded columns, for the default order).</summary>
    internal int[] Order(StatSchema schema, double[][] data)
    {
        if (VisitOrder is null)
            return schema.Modelled.OrderBy(c => data[c].Where(x => !double.IsNaN(x)).Distinct().Count() + (data[c].Any(double.IsNaN) ? 1 : 0)).ToArray();
        return Given(schema);
    }

    /// <summary>The visit order the user gave, as schema column indexes.</summary>
    internal int[] Given(StatSchema schema)
    {
        var order = new List<int>();
        foreach (var name in VisitOrder ?? throw new InvalidOperationException("No visit order was given."))
        {
            if (!schema.Columns.Any(c => c.Name == name))
                throw new SynthOptionException("visit-order", $"names '{name}', which is not a column (the table has: {string.Join(", ", schema.Columns.Select(c => c.Name))}).");
            int index = schema.IndexOf(name);
            if (schema.Columns[index].Role == StatRole.Identifier)
                throw new SynthOptionException("visit-order", $"names '{name}', an identifier column, which is regenerated rather than synthesized.");
            order.Add(index);
        }
        var missing = schema.Modelled.Except(order).Select(c => schema.Columns[c].Name).ToArray();
        if (missing.Length > 0)
            throw new SynthOptionException("visit-order", $"leaves out {string.Join(", ", missing.Select(m => $"'{m}'"))}; list every column except identifiers.");
        return order.ToArray();
    }
}
