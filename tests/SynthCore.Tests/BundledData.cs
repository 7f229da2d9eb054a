using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests;

/// <summary>The data sets shipped in the repository's data/ folder, found from the test binaries.</summary>
public static class BundledData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The numeric columns of penguins.csv and of screentime.csv.</summary>
    public static readonly string[] PenguinNumbers = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];
    public static readonly string[] ScreentimeNumbers = ["Usage (minutes)", "Notifications", "Times Opened"];

    public static string PathOf(string fileName) => Path.Combine(RepoRoot, "data", fileName);

    /// <summary>Reads data/<paramref name="fileName"/> and detects its column kinds.</summary>
    public static (DataFrame Table, TableMetadata Metadata) Load(string fileName)
    {
        var table = CsvTable.Read(PathOf(fileName));
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
