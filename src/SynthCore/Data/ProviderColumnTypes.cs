using System.Data.Common;

namespace SynthCore.Data;

/// <summary>
/// Column kinds from what any ADO.NET provider says of a column: its .NET field type, refined by its database type
/// name where that says more (a BOOLEAN or DATE that the provider hands over as a number or text). For a connection
/// whose provider we do not know (a notebook's); the console's database files add their own rules.
/// </summary>
public static class ProviderColumnTypes
{
    /// <summary>The kind column <paramref name="ordinal"/>'s types say, or null (an object or unknown type) to go by the values.</summary>
    public static ValueKind? DeclaredKind(DbDataReader reader, int ordinal)
    {
        string name = TypeName(reader, ordinal);
        Type? type;
        try
        {
            type = reader.GetFieldType(ordinal);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IndexOutOfRangeException)
        {
            type = null;
        }
        var byType = KindOf(type);
        // Providers of loosely typed databases (SQLite) give booleans as integers and dates as text or numbers.
        if (name.Contains("BOOL", StringComparison.OrdinalIgnoreCase) && byType is ValueKind.Integer or ValueKind.Text)
            return ValueKind.Boolean;
        if ((name.Contains("DATE", StringComparison.OrdinalIgnoreCase) || name.Contains("TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            && byType is ValueKind.Text)
            return ValueKind.DateTime;
        return byType;
    }

    /// <summary>
    /// How to read column <paramref name="ordinal"/> when <see cref="DbDataReader.GetValue"/> would lose something, else
    /// null: a timestamp with a time zone is an instant, which some providers (DuckDB) give as a DateTime of unspecified
    /// kind, so it is read as a DateTimeOffset and kept as UTC (as a Parquet <c>isAdjustedToUTC</c> timestamp is).
    /// </summary>
    public static Func<int, object>? ValueReader(DbDataReader reader, int ordinal)
    {
        if (!IsZonedTimestamp(TypeName(reader, ordinal))) return null;
        return i => reader.GetFieldValue<DateTimeOffset>(i).UtcDateTime;
    }

    private static bool IsZonedTimestamp(string type) =>
        type.Contains("TIMESTAMP", StringComparison.OrdinalIgnoreCase)
        && (type.Contains("TZ", StringComparison.OrdinalIgnoreCase) || type.Contains("TIME ZONE", StringComparison.OrdinalIgnoreCase));

    /// <summary>The database's name of the column's type, or "" when the provider cannot say (an expression without a row yet).</summary>
    public static string TypeName(DbDataReader reader, int ordinal)
    {
        try
        {
            return reader.GetDataTypeName(ordinal) ?? "";
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IndexOutOfRangeException)
        {
            return "";
        }
    }

    /// <summary>The kind a .NET type of the provider's values maps to; null for a type a flat table cannot hold.</summary>
    internal static ValueKind? KindOf(Type? type)
    {
        if (type is null) return null;
        if (type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int)
            || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) || type == typeof(System.Numerics.BigInteger))
            return ValueKind.Integer;
        if (type == typeof(float) || type == typeof(double)) return ValueKind.Real;
        if (type == typeof(decimal)) return ValueKind.Decimal;
        if (type == typeof(string)) return ValueKind.Text;
        if (type == typeof(bool)) return ValueKind.Boolean;
        if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)) return ValueKind.DateTime;
        return null;
    }
}
