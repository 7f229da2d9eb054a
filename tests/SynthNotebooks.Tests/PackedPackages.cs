using System.Globalization;

namespace SynthNotebooks.Tests;

/// <summary>
/// Packs SynthNotebooks and our packages it depends on from this build into artifacts/packages, as the
/// README's set-up does, under a version of their own (0.1.0-dev.…), which the notebooks' first cell loads as
/// the package packed last there. A fresh version per run means NuGet's package cache, which never refreshes a
/// version it holds, cannot hand the kernel an older build. On dispose the packages and their cache folders go.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string[] Projects = ["src/SynthCore", "src/SynthReports", "src/SynthCommands", "src/SynthKernelExtension"];
    private static readonly string[] PackageIds = ["SynthCore", "SynthReports", "SynthCommands", "SynthNotebooks"];

    public string Version { get; } = "0.1.0-dev." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(RepoPaths.Packages);
        foreach (var project in Projects)
        {
            // --no-build: the packages hold exactly the assemblies this test run was built from.
            await ProcessRunner.RunAsync("dotnet",
                ["pack", project, "-c", Configuration, "--no-build", "-o", RepoPaths.Packages, $"-p:Version={Version}"],
                RepoPaths.Root, TimeSpan.FromMinutes(5));
        }
    }

    public Task DisposeAsync()
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageIds)
        {
            File.Delete(Path.Combine(RepoPaths.Packages, $"{id}.{Version}.nupkg"));
            string cached = Path.Combine(cache, id.ToLowerInvariant(), Version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class NotebookCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "notebooks";
}
