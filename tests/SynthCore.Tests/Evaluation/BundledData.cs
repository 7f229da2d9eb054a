using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Evaluation;

/// <summary>The repository's data/ files, read with the project's CSV reader.</summary>
internal static class BundledData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static DataFrame Read(string name) => CsvTable.Read(Path.Combine(RepoRoot, "data", name));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("SynthNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
