using SynthCore.Data;

namespace SynthDatabases;

/// <summary>The database table sources the synth tool registers at start-up.</summary>
public static class DatabaseSources
{
    public static TableSources All { get; } = new(new SqliteSource(), new DuckDbSource());
}
