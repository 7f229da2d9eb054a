using System.Data;
using System.Data.Common;

namespace SynthCore.Data;

/// <summary>
/// A query's rows read through a connection the user opened (a notebook's <c>--from conn</c>), with any ADO.NET
/// provider: kinds from <see cref="ProviderColumnTypes"/>, NULLs kept. A closed connection is opened for the query
/// and closed again; an open one is left open, as it was.
/// </summary>
public static class ConnectionTable
{
    /// <param name="name">The connection's name in messages (the notebook variable).</param>
    public static DataFrame Read(DbConnection connection, string name, string query, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
            throw new SynthOptionException("--query", "is empty; give the SELECT that returns the table.");
        bool opened = false;
        if (connection.State != ConnectionState.Open)
        {
            try
            {
                connection.Open();
                opened = true;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                throw new SynthOptionException("--from", $"the connection '{name}' cannot be opened: {e.Message}");
            }
        }
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            return DataReaderTable.Read(reader, ordinal => ProviderColumnTypes.DeclaredKind(reader, ordinal),
                ordinal => ProviderColumnTypes.ValueReader(reader, ordinal), cancellationToken);
        }
        catch (DbException e)
        {
            throw new SynthOptionException("--query", $"the database of '{name}' refused it: {e.Message}");
        }
        finally
        {
            if (opened) connection.Close();
        }
    }
}
