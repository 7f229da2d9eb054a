namespace SynthNotebooks.Tests;

/// <summary>Where the repository's notebooks, data and build outputs are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Executed copies with their outputs (ignored by git; see notebooks/README.md).</summary>
    public static string Executed => Path.Combine(Notebooks, "executed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SynthNotebooks.sln not found above {AppContext.BaseDirectory}.");
    }
}
