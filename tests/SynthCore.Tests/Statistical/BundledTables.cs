using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Statistical;

/// <summary>The bundled data sets read through the project's own reader, with their detected metadata.</summary>
internal static class BundledTables
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static (DataFrame Table, TableMetadata Metadata) Penguins() => Read("penguins.csv");

    public static (DataFrame Table, TableMetadata Metadata) Screentime() => Read("screentime.csv");

    private static (DataFrame, TableMetadata) Read(string file)
    {
        var table = CsvTable.Read(Path.Combine(RepoRoot, "data", file));
        return (table, TableMetadata.Detect(table));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"SynthNotebooks.sln not found above {AppContext.BaseDirectory}.");
    }
}
