using System.Data.Common;
using DuckDB.NET.Data;
using SynthCore;
using SynthCore.Data;

namespace SynthDatabases;

/// <summary><c>--from duckdb:FILE</c>: a DuckDB database file, through DuckDB.NET.</summary>
public sealed class DuckDbSource : DatabaseFileSource
{
    public override string Scheme => "duckdb";

    protected override string Product => "DuckDB";

    protected override DbConnection ReadOnlyConnection(string path) =>
        new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");

    /// <summary>TIMESTAMPTZ is an instant, read as UTC (<see cref="ProviderColumnTypes.ValueReader"/>).</summary>
    internal override Func<int, object>? ValueReader(DbDataReader reader, int ordinal) => ProviderColumnTypes.ValueReader(reader, ordinal);

    /// <summary>
    /// DuckDB's columns are strictly typed; the provider's .NET type says the kind (TINYINT…BIGINT integers, FLOAT and
    /// DOUBLE reals, DECIMAL decimals, VARCHAR text, BOOLEAN, DATE and TIMESTAMP[TZ] dates: <see cref="ProviderColumnTypes"/>).
    /// Other types (lists, blobs, intervals) go by the values, which refuses them naming the column; a time of day is refused here.
    /// </summary>
    internal override ValueKind? DeclaredKind(DbDataReader reader, int ordinal)
    {
        string name = reader.GetDataTypeName(ordinal);
        // TIMETZ comes as a DateTimeOffset on day one: a time of day, not a date, refused as TIME is.
        if (name.Contains("TIME", StringComparison.OrdinalIgnoreCase) && !name.Contains("TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            throw new SynthColumnException(reader.GetName(ordinal), $"is a time of day ({name}), which a table of ours cannot hold (cast it in the query, e.g. to VARCHAR, or give a TIMESTAMP).");
        return ProviderColumnTypes.DeclaredKind(reader, ordinal);
    }
}
