using System.Data.Common;

namespace SynthCore.Data;

/// <summary>
/// The rows of a <see cref="DbDataReader"/> as typed DataFrame columns, for any ADO.NET provider (the console's
/// database files, a notebook's own connection). A column's kind comes from the database's type where the source
/// knows it (<c>declared</c>), otherwise from its values; NULLs stay missing.
/// </summary>
public static class DataReaderTable
{
    /// <param name="declared">The kind column i's database type says, or null to go by its values.</param>
    /// <param name="valueReader">How to read column i's values when <see cref="DbDataReader.GetValue"/> would lose something, else null.</param>
    public static DataFrame Read(DbDataReader reader, Func<int, ValueKind?> declared, Func<int, Func<int, object>?> valueReader, CancellationToken cancellationToken)
    {
        int count = reader.FieldCount;
        if (count == 0)
            throw new SynthOptionException("--query", "returns no columns; give a SELECT that returns the table.");
        var names = Enumerable.Range(0, count).Select(reader.GetName).ToArray();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SynthOptionException("--query", $"returns two columns named '{duplicate.Key}'; give them distinct names (AS).");
        var kinds = Enumerable.Range(0, count).Select(declared).ToArray();
        var read = Enumerable.Range(0, count).Select(i => valueReader(i) ?? reader.GetValue).ToArray();
        var values = names.Select(_ => new List<object?>()).ToArray();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < count; i++)
            {
                try
                {
                    values[i].Add(reader.IsDBNull(i) ? null : read[i](i));
                }
                catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or NotSupportedException)
                {
                    throw new SynthColumnException(names[i], $"row {values[i].Count + 1}: the value cannot be read ({e.Message}); cast it in the query, e.g. to VARCHAR.", e);
                }
            }
        }
        if (values[0].Count == 0)
            throw new SynthOptionException("--query", "returns no rows.");
        var columns = new List<DataFrameColumn>(count);
        for (int i = 0; i < count; i++)
        {
            var kind = kinds[i] ?? Infer(names[i], values[i]);
            columns.Add(Column(names[i], kind, values[i]));
        }
        return new DataFrame(columns);
    }

    /// <summary>A column without a known type: the kind its values share (numbers of both kinds are reals).</summary>
    private static ValueKind Infer(string name, List<object?> values)
    {
        ValueKind? kind = null;
        foreach (var value in values)
        {
            if (value is null) continue;
            var own = KindOf(name, value);
            kind = kind switch
            {
                null => own,
                _ when kind == own => kind,
                ValueKind.Integer or ValueKind.Real or ValueKind.Decimal when own is ValueKind.Integer or ValueKind.Real or ValueKind.Decimal => ValueKind.Real,
                _ => ValueKind.Text,
            };
        }
        return kind ?? ValueKind.Text;
    }

    /// <summary>The kind of one value as the ADO.NET provider returns it; types a flat table cannot hold are refused.</summary>
    private static ValueKind KindOf(string name, object value) =>
        ProviderColumnTypes.KindOf(value.GetType())
        ?? throw new SynthColumnException(name, $"holds {value.GetType().Name} values, which a table of ours cannot hold (cast it in the query, e.g. to VARCHAR).");

    private static DataFrameColumn Column(string name, ValueKind kind, List<object?> values)
    {
        (ColumnStorage storage, Func<object, object> convert) = kind switch
        {
            ValueKind.Integer => (ColumnStorage.Int64, v => ToInt64(v)),
            ValueKind.Real => (ColumnStorage.Double, v => ToDouble(v)),
            ValueKind.Decimal => (ColumnStorage.Decimal, v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
            ValueKind.Boolean => (ColumnStorage.Boolean, v => ToBoolean(v)),
            ValueKind.DateTime => (ColumnStorage.DateTime, v => ToDateTime(v)),
            _ => (ColumnStorage.String, (Func<object, object>)(v => ToText(v))),
        };
        var typed = new object?[values.Count];
        int row = 0;
        try
        {
            for (; row < values.Count; row++) typed[row] = values[row] is { } v ? convert(v) : null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new SynthColumnException(name, $"row {row + 1}: '{ToText(values[row]!)}' is not a {kind.ToString().ToLowerInvariant()} value, as the column's type says ({e.Message})", e);
        }
        return storage.Create(name, typed);
    }

    private static long ToInt64(object value) => value switch
    {
        double d when Math.Floor(d) == d => checked((long)d),
        string s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
        System.Numerics.BigInteger b => (long)b,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double ToDouble(object value) => value switch
    {
        string s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    // SQLite keeps booleans as 0/1 (or as text someone wrote).
    private static bool ToBoolean(object value) => value switch
    {
        bool b => b,
        long l when l is 0 or 1 => l == 1,
        string s => bool.Parse(s),
        _ => throw new FormatException("expected true/false or 0/1"),
    };

    private static DateTime ToDateTime(object value) => value switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces),
        _ => throw new FormatException("expected a date or time"),
    };

    private static string ToText(object value) => value switch
    {
        string s => s,
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
