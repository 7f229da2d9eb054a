using SynthCore.Registry;

namespace SynthCommands;

/// <summary>What every command needs besides its parsed arguments.</summary>
internal sealed record CommandContext(ISynthHost Host, SynthesizerRegistry Registry, CancellationToken Cancellation)
{
    /// <summary>The databases <c>--from</c> can name (none in a notebook).</summary>
    public TableSources Sources { get; init; } = TableSources.None;

    /// <summary>Tables already read from a <c>--from</c> query, by the name <see cref="TableInput.DataName"/> gave them.</summary>
    public Dictionary<string, DataFrame> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>A table read from a query under this name, else the host's table of that name.</summary>
    public DataFrame ResolveTable(string name) => Tables.TryGetValue(name, out var table) ? table : Host.ResolveTable(name);
}
