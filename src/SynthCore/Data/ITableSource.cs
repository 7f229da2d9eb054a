namespace SynthCore.Data;

/// <summary>
/// A place tables come from by query rather than as a file of rows (a database file), named by a scheme:
/// <c>duckdb:people.duckdb</c> is the scheme <c>duckdb</c> and the location <c>people.duckdb</c>.
/// </summary>
public interface ITableSource
{
    /// <summary>The scheme before the colon, lower case (<c>sqlite</c>, <c>duckdb</c>).</summary>
    string Scheme { get; }

    /// <summary>
    /// Runs <paramref name="query"/> against the source at <paramref name="location"/>, opened read-only, and returns its rows
    /// with column types from the source's types. Errors are <see cref="SynthOptionException"/>s naming <c>--from</c> or <c>--query</c>.
    /// </summary>
    DataFrame Read(string location, string query, CancellationToken cancellationToken = default);
}
