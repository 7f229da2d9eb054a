namespace SynthCore.Synthesizers.Statistical;

/// <summary>One resolved condition in the models' own terms: allowed category codes, or an interval of numbers (column units, ticks for dates).</summary>
internal sealed record EncodedCondition(int Column, bool[]? AllowedCodes, double Low, double High)
{
    public bool IsCategorical => AllowedCodes is not null;

    /// <summary>Numeric equality (a single value), which a model meets by setting the value rather than drawing it.</summary>
    public bool IsPoint => AllowedCodes is null && Low == High;

    /// <summary>Whether an encoded value (as the model produced it, before clipping and rounding) meets the condition.</summary>
    public bool IsMetBy(double x, StatColumn column)
    {
        if (double.IsNaN(x)) return false;
        if (AllowedCodes is not null) return AllowedCodes[(int)x];
        x = column.Finish(x);
        return x >= Low && x <= High;
    }
}

/// <summary>
/// Conditions resolved by the shared <see cref="ConditionResolver"/> (which refuses unknown columns,
/// impossible ranges and unseen categories) put onto the schema's columns, for the models to meet
/// natively where they can; <see cref="RejectionSampler"/> then checks every row and draws again for the rest.
/// </summary>
internal sealed class EncodedConditions
{
    private EncodedConditions(IReadOnlyList<EncodedCondition> all) => All = all;

    public IReadOnlyList<EncodedCondition> All { get; }

    public static EncodedConditions From(IReadOnlyList<ResolvedCondition> resolved, StatSchema schema)
    {
        var list = new List<EncodedCondition>();
        foreach (var condition in resolved)
        {
            int index = schema.IndexOf(condition.Column);
            var column = schema.Columns[index];
            if (condition.Categories is { } keys)
            {
                var allowed = column.Categories.Select(key => keys.Contains(column.Kind == ColumnKind.Boolean ? BooleanKey(column, key) : key)).ToArray();
                list.Add(new EncodedCondition(index, allowed, double.NegativeInfinity, double.PositiveInfinity));
            }
            else list.Add(new EncodedCondition(index, null, condition.Min, condition.Max));
        }
        return new EncodedConditions(list);
    }

    /// <summary>A boolean category key as the resolver writes it ("true"/"false"), whatever the column's storage.</summary>
    private static string BooleanKey(StatColumn column, string key)
    {
        var cell = ColumnValueCodec.Create(column.Name, column.Storage, column.Kind).FromKey(key);
        return ConditionResolver.TryBool(cell, out bool b) ? (b ? "true" : "false") : key;
    }

    /// <summary>The observed values of the schema's columns, which conditions are resolved against.</summary>
    public static ConditionDomain Domain(StatSchema schema) => new(schema.Columns.Select(c => new ColumnDomain(
        c.Name, c.Kind, c.Storage.ToJsonName(),
        c.Role == StatRole.Numeric ? c.Min : null,
        c.Role == StatRole.Numeric ? c.Max : null,
        c.Role == StatRole.Categorical ? c.Categories.Select(key => c.Kind == ColumnKind.Boolean ? BooleanKey(c, key) : key).Distinct().Order(StringComparer.Ordinal).ToArray() : null)));
}
