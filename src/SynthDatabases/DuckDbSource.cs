using System.Data.Common;
using DuckDB.NET.Data;
using SynthCore;

namespace SynthDatabases;

/// <summary><c>--from duckdb:FILE</c>: a DuckDB database file, through DuckDB.NET.</summary>
public sealed class DuckDbSource : DatabaseFileSource
{
    public override string Scheme => "duckdb";

    protected override string Product => "DuckDB";

    protected override DbConnection ReadOnlyConnection(string path) =>
        new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");

    /// <summary>
    /// TIMESTAMPTZ is an instant: GetValue gives it as a DateTime of unspecified kind, so it is read as a DateTimeOffset
    /// and kept as UTC (as a Parquet <c>isAdjustedToUTC</c> timestamp is).
    /// </summary>
    internal override Func<int, object>? ValueReader(DbDataReader reader, int ordinal)
    {
        if (!IsZoned(reader.GetDataTypeName(ordinal))) return null;
        return i => reader.GetFieldValue<DateTimeOffset>(i).UtcDateTime;
    }

    private static bool IsZoned(string type) =>
        type.Contains("TIMESTAMP", StringComparison.OrdinalIgnoreCase)
        && (type.Contains("TZ", StringComparison.OrdinalIgnoreCase) || type.Contains("TIME ZONE", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// DuckDB's columns are strictly typed; the provider's .NET type says the kind (TINYINT…BIGINT integers, FLOAT and
    /// DOUBLE reals, DECIMAL decimals, VARCHAR text, BOOLEAN, DATE and TIMESTAMP[TZ] dates). Other types (lists, blobs,
    /// time of day, intervals) go by the values, which refuses them naming the column.
    /// </summary>
    internal override ValueKind? DeclaredKind(DbDataReader reader, int ordinal)
    {
        string name = reader.GetDataTypeName(ordinal);
        // TIMETZ comes as a DateTimeOffset on day one: a time of day, not a date, refused as TIME is.
        if (name.Contains("TIME", StringComparison.OrdinalIgnoreCase) && !name.Contains("TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            throw new SynthColumnException(reader.GetName(ordinal), $"is a time of day ({name}), which a table of ours cannot hold (cast it in the query, e.g. to VARCHAR, or give a TIMESTAMP).");
        var type = reader.GetFieldType(ordinal);
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
