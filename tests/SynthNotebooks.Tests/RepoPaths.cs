namespace SynthNotebooks.Tests;

/// <summary>Where the repository's notebooks, packages and executed copies are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The notebooks' folder: Polyglot Notebooks and Jupyter start the kernel here.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Where the README's set-up packs the packages; the notebooks' first cell reads it as <c>../artifacts/packages</c>.</summary>
    public static string Packages => Path.Combine(Root, "artifacts", "packages");

    /// <summary>Executed copies with their outputs, one folder per kernel (ignored by git; see notebooks/README.md).</summary>
    public static string Executed(string kernel) => Path.Combine(Notebooks, "executed", kernel);

    public static IEnumerable<string> NotebookNames() =>
        Directory.GetFiles(Notebooks, "*.ipynb").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SynthNotebooks.sln not found above {AppContext.BaseDirectory}.");
    }
}
