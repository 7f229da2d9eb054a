namespace SynthCore.Synthesizers.Statistical;

/// <summary>Options of <see cref="CartSynthesizer"/>.</summary>
public sealed record CartOptions
{
    /// <summary>Fewest training rows in a leaf (<c>--option min-leaf=5</c>, synthpop's minbucket).</summary>
    public int MinLeaf { get; init; } = 5;

    /// <summary>
    /// The order columns are synthesized in (<c>--option visit-order=Species,Island,...</c>); every
    /// column except identifiers, once. Null: table order.
    /// </summary>
    public IReadOnlyList<string>? VisitOrder { get; init; }

    /// <summary>Seed of sampling when none is given.</summary>
    public int Seed { get; init; } = 42;

    public void Validate()
    {
        if (MinLeaf < 1) throw new SynthOptionException("min-leaf", $"must be at least 1 (got {MinLeaf}).");
        if (VisitOrder is { Count: 0 }) throw new SynthOptionException("visit-order", "must name the columns, separated by commas.");
        var duplicate = VisitOrder?.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SynthOptionException("visit-order", $"names column '{duplicate.Key}' twice.");
    }

    /// <summary>The visit order as schema column indexes, checked against the table.</summary>
    internal int[] Order(StatSchema schema)
    {
        if (VisitOrder is null) return schema.Modelled;
        var order = new List<int>();
        foreach (var name in VisitOrder)
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
