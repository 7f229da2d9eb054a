namespace SynthCore.Synthesizers;

/// <summary>A requirement on one column of the sampled rows.</summary>
public abstract record ColumnCondition(string Column)
{
    /// <summary>Whether a sampled value (double for numeric columns, string for categorical, DateTime, bool) meets it.</summary>
    public abstract bool IsMetBy(object? value);
}

/// <summary>The column equals one value.</summary>
public sealed record EqualsCondition(string Column, object Value) : ColumnCondition(Column)
{
    public override bool IsMetBy(object? value) => value is not null && (Equals(Normalize(value), Normalize(Value)));

    internal static object Normalize(object v) => v switch
    {
        IConvertible c when v is not string and not DateTime and not bool => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        _ => v,
    };
}

/// <summary>The column takes one of a set of values (categories).</summary>
public sealed record OneOfCondition(string Column, IReadOnlyList<object> Values) : ColumnCondition(Column)
{
    public override bool IsMetBy(object? value) =>
        value is not null && Values.Any(v => Equals(EqualsCondition.Normalize(v), EqualsCondition.Normalize(value)));
}

/// <summary>The column lies in [Min, Max] (either bound may be open).</summary>
public sealed record RangeCondition(string Column, double? Min, double? Max) : ColumnCondition(Column)
{
    public override bool IsMetBy(object? value)
    {
        if (value is null) return false;
        double x = value is DateTime d ? d.Ticks : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return (Min is null || x >= Min) && (Max is null || x <= Max);
    }
}

/// <summary>Conditions on sampled rows, at most one per column.</summary>
public sealed class SampleConditions
{
    private readonly Dictionary<string, ColumnCondition> byColumn = new(StringComparer.Ordinal);

    public SampleConditions(IEnumerable<ColumnCondition> conditions)
    {
        foreach (var condition in conditions)
            if (!byColumn.TryAdd(condition.Column, condition))
                throw new SynthColumnException(condition.Column, "has more than one condition.");
    }

    public IReadOnlyCollection<ColumnCondition> All => byColumn.Values;

    /// <summary>Throws unless every condition names a column of <paramref name="metadata"/>.</summary>
    public void Validate(TableMetadata metadata)
    {
        foreach (var column in byColumn.Keys) _ = metadata[column];
    }

    /// <summary>Whether the row (column name → value) meets every condition.</summary>
    public bool IsMetBy(Func<string, object?> valueOf) => byColumn.Values.All(c => c.IsMetBy(valueOf(c.Column)));
}
