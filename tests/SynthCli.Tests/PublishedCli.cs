using System.Diagnostics;

namespace SynthCli.Tests;

/// <summary>
/// The CLI as <c>dotnet publish src/SynthCli</c> lays it out, in a temporary folder: what deploy/Dockerfile copies into
/// the image. Published with --no-build from this test run's build, so nothing is compiled or restored again.
/// </summary>
public sealed class PublishedCli : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string RepoRoot { get; } = FindRepoRoot();

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "synth-publish-" + Guid.NewGuid().ToString("N"));

    /// <summary>The published tool's own launcher (the apphost), as the image runs it.</summary>
    public string Launcher => Path.Combine(Directory, "synth");

    public PublishedCli()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", "src/SynthCli", "-c", Configuration, "--no-build", "-o", Directory }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish src/SynthCli did not finish in 3 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish src/SynthCli failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("SynthNotebooks.sln not found above the test binaries.");
    }
}
