namespace SynthCore.Tests.Data;

/// <summary>Finds the shared seed data sets (read-only; never copied into the repo).</summary>
public static class SeedData
{
    /// <summary>The first ancestor of the test binaries that holds <c>shared/data</c>, plus <c>shared</c>.</summary>
    public static string SharedDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data")))
                    return Path.Combine(dir.FullName, "shared");
            throw new DirectoryNotFoundException($"No folder containing shared/data above {AppContext.BaseDirectory}.");
        }
    }

    public static string ScreenTime => Path.Combine(SharedDirectory, "data", "seeds", "Synthetic-Data-Generation-GAN", "screentime_analysis.csv");
}
