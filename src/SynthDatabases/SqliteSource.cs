using System.Data.Common;
using Microsoft.Data.Sqlite;
using SynthCore.Data;

namespace SynthDatabases;

/// <summary><c>--from sqlite:FILE</c>: a SQLite database file, through Microsoft.Data.Sqlite.</summary>
public sealed class SqliteSource : DatabaseFileSource
{
    public override string Scheme => "sqlite";

    protected override string Product => "SQLite";

    protected override DbConnection ReadOnlyConnection(string path) => new SqliteConnection(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false, // nothing keeps the file open after the read
    }.ToString());

    /// <summary>
    /// SQLite's declared column type, read as SQLite reads it (a name containing INT is an integer, CHAR, CLOB or TEXT
    /// text, REAL, FLOA or DOUB a real), plus BOOL and DATE/TIME, which SQLite stores as numbers or text. A column without
    /// a declared type (an expression) or of another type (NUMERIC, BLOB) goes by its values.
    /// </summary>
    internal override ValueKind? DeclaredKind(DbDataReader reader, int ordinal)
    {
        string type;
        try
        {
            type = reader.GetDataTypeName(ordinal).ToUpperInvariant();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        if (type.Contains("BOOL", StringComparison.Ordinal)) return ValueKind.Boolean;
        if (type.Contains("DATE", StringComparison.Ordinal) || type.Contains("TIME", StringComparison.Ordinal)) return ValueKind.DateTime;
        if (type.Contains("INT", StringComparison.Ordinal)) return ValueKind.Integer;
        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal)) return ValueKind.Text;
        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)) return ValueKind.Real;
        return null;
    }
}
