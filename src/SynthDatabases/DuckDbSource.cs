using System.Data.Common;
using DuckDB.NET.Data;

namespace SynthDatabases;

/// <summary><c>--from duckdb:FILE</c>: a DuckDB database file, through DuckDB.NET.</summary>
public sealed class DuckDbSource : DatabaseFileSource
{
    public override string Scheme => "duckdb";

    protected override string Product => "DuckDB";

    protected override DbConnection ReadOnlyConnection(string path) =>
        new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");

    /// <summary>
    /// DuckDB's columns are strictly typed; the provider's .NET type says the kind (TINYINT…BIGINT integers, FLOAT and
    /// DOUBLE reals, DECIMAL decimals, VARCHAR text, BOOLEAN, DATE and TIMESTAMP[TZ] dates). Other types (lists, blobs,
    /// time of day, intervals) go by the values, which refuses them naming the column.
    /// </summary>
    internal override ValueKind? DeclaredKind(DbDataReader reader, int ordinal)
    {
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
