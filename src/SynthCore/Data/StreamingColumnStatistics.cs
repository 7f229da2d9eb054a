namespace SynthCore.Data;

/// <summary>
/// What a fit on a sample of rows must still learn from every row, gathered as the rows stream past: each column's
/// missing count, its least and greatest value (numbers and dates) and the levels it takes (text and yes/no, up to
/// <see cref="MaxLevels"/> per column), each with the first row that holds it, so those rows can join the sample and
/// the fitted model knows every level and the true range.
/// </summary>
public sealed class StreamingColumnStatistics
{
    /// <summary>Levels tracked per column; a column with more (a key, free text) keeps only its first ones.</summary>
    public const int MaxLevels = 10_000;

    private readonly Dictionary<object, (long Row, object?[] Values)?> levels = [];
    private (double Value, long Row, object?[]? Values) min = (double.PositiveInfinity, -1, null), max = (double.NegativeInfinity, -1, null);

    /// <summary>The column's name, set once the sample's columns are known.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>Rows with no value.</summary>
    public long Missing { get; private set; }

    /// <summary>The least and greatest value (dates as ticks), or null when the column has no numbers or dates.</summary>
    public (double Min, double Max)? Range => min.Row < 0 ? null : (min.Value, max.Value);

    /// <summary>A cell as the statistics compare it: missing (NaN too) is null; numbers of any type become doubles.</summary>
    internal static object? Comparable(object? value) => value switch
    {
        null => null,
        double x when double.IsNaN(x) => null,
        float x when float.IsNaN(x) => null,
        string or bool or DateTime or double => value,
        IConvertible n and not char => Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Takes column <paramref name="c"/> of a row; a row not kept in the sample is copied where it holds something new.</summary>
    public void Add(long row, bool kept, object?[] values, int c)
    {
        object? value = values[c];
        switch (value)
        {
            case null: Missing++; break;
            case double or DateTime:
                double x = value is DateTime d ? d.Ticks : (double)value;
                if (x < min.Value) min = (x, row, kept ? null : (object?[])values.Clone());
                if (x > max.Value) max = (x, row, kept ? null : (object?[])values.Clone());
                break;
            default:
                if (levels.ContainsKey(value)) break;
                if (levels.Count >= MaxLevels) break;
                levels[value] = kept ? null : (row, (object?[])values.Clone());
                break;
        }
    }

    /// <summary>
    /// The rows to add to a sample so it holds this column's range and every tracked level: the first row holding a level
    /// the sample lacks, and the rows holding the least and greatest value when the sample lacks them (rows already kept
    /// carry their own). Keyed by row index, so a row needed by two columns is added once.
    /// </summary>
    public void AddMissingRows(DataFrameColumn sampled, IDictionary<long, object?[]> rows)
    {
        var present = new HashSet<object>();
        for (long r = 0; r < sampled.Length; r++)
            if (Comparable(sampled[r]) is { } v) present.Add(v);
        foreach (var (level, first) in levels)
            if (first is { } held && !present.Contains(level)) rows.TryAdd(held.Row, held.Values);
        // A kept row with the same extreme value carries it already.
        var sampledNumbers = present.Select(v => v switch { DateTime d => d.Ticks, double x => x, _ => double.NaN }).ToHashSet();
        if (min.Values is not null && !sampledNumbers.Contains(min.Value)) rows.TryAdd(min.Row, min.Values);
        if (max.Values is not null && !sampledNumbers.Contains(max.Value)) rows.TryAdd(max.Row, max.Values);
    }
}
