namespace SynthCore.Data;

/// <summary>The <see cref="ITableSource"/>s a host knows, by scheme; <c>--from scheme:location</c> picks one.</summary>
public sealed class TableSources
{
    private readonly Dictionary<string, ITableSource> sources = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>No sources: what a host without database readers (a notebook, which takes the user's connections instead) has.</summary>
    public static TableSources None { get; } = new();

    public TableSources(params ITableSource[] sources)
    {
        foreach (var source in sources) this.sources[source.Scheme] = source;
    }

    /// <summary>The schemes known, sorted.</summary>
    public IReadOnlyList<string> Schemes => sources.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Reads the rows <paramref name="query"/> returns from <paramref name="from"/> (<c>scheme:location</c>).</summary>
    public DataFrame Read(string from, string query, CancellationToken cancellationToken = default)
    {
        int colon = from.IndexOf(':');
        string known = sources.Count == 0
            ? "this host reads no database files: in a notebook, open a connection in a C# cell (e.g. var conn = new SqliteConnection(\"Data Source=people.db\")) and give --from conn, or pass a DataFrame"
            : "known: " + string.Join(", ", Schemes.Select(s => s + ":FILE"));
        if (colon <= 0)
            throw new SynthOptionException("--from", $"'{from}' is not SCHEME:FILE ({known}).");
        string scheme = from[..colon];
        string location = from[(colon + 1)..];
        if (!sources.TryGetValue(scheme, out var source))
            throw new SynthOptionException("--from", $"unknown scheme '{scheme}' ({known}).");
        if (string.IsNullOrWhiteSpace(location))
            throw new SynthOptionException("--from", $"no file after '{scheme}:' (e.g. --from {scheme}:data.db).");
        if (string.IsNullOrWhiteSpace(query))
            throw new SynthOptionException("--query", "is empty; give the SELECT that returns the table.");
        return source.Read(location, query, cancellationToken);
    }
}
