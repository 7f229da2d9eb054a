using System.Data.Common;
using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;

namespace SynthDatabases;

/// <summary>
/// An embedded database in one file, opened read-only for one query: the file must exist, the database's own message is
/// shown when it cannot be opened or refuses the query, and the rows become typed columns (<see cref="DataReaderTable"/>).
/// </summary>
public abstract class DatabaseFileSource : ITableSource
{
    public abstract string Scheme { get; }

    /// <summary>The database's name in messages.</summary>
    protected abstract string Product { get; }

    /// <summary>A connection to <paramref name="path"/> that cannot write (not yet open).</summary>
    protected abstract DbConnection ReadOnlyConnection(string path);

    /// <summary>The kind the database's type of column <paramref name="ordinal"/> says, or null to go by the values.</summary>
    internal abstract ValueKind? DeclaredKind(DbDataReader reader, int ordinal);

    /// <summary>How to read column <paramref name="ordinal"/>'s values when <see cref="DbDataReader.GetValue"/> would lose something, else null.</summary>
    internal virtual Func<int, object>? ValueReader(DbDataReader reader, int ordinal) => null;

    public DataFrame Read(string location, string query, CancellationToken cancellationToken = default)
    {
        string path = Path.GetFullPath(location);
        if (Directory.Exists(path))
            throw new SynthOptionException("--from", $"{location} is a folder, not a {Product} database file.");
        if (!File.Exists(path))
            throw new SynthOptionException("--from", $"{location}: no such {Product} database file.");

        using var connection = ReadOnlyConnection(path);
        try
        {
            connection.Open();
        }
        catch (DbException e)
        {
            throw new SynthOptionException("--from", $"{location} cannot be opened as a {Product} database: {e.Message}");
        }

        using var command = connection.CreateCommand();
        command.CommandText = query;
        try
        {
            using var reader = command.ExecuteReader();
            return DataReaderTable.Read(reader, ordinal => DeclaredKind(reader, ordinal), ordinal => ValueReader(reader, ordinal), cancellationToken);
        }
        catch (DbException e)
        {
            throw new SynthOptionException("--query", $"{Product} refused it: {e.Message}");
        }
    }
}
