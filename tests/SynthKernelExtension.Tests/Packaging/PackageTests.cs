using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace SynthKernelExtension.Tests.Packaging;

/// <summary>Packs SynthNotebooks from the build this test project already made and checks what a notebook gets.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "synth-pack-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("SynthNotebooks.sln not found.");
    }

    [Fact]
    public void The_package_holds_the_library_and_the_kernel_extension_script()
    {
        string root = RepoRoot();
        string project = Path.Combine(root, "src", "SynthKernelExtension", "SynthKernelExtension.csproj");
        // The test's own configuration: the library is already built as a dependency of this project.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", output, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "dotnet pack did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, log);

        string package = Assert.Single(Directory.GetFiles(output, "SynthNotebooks.*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        var dib = zip.GetEntry("interactive-extensions/dotnet/extension.dib");
        Assert.NotNull(dib);
        using (var reader = new StreamReader(dib.Open()))
            Assert.Equal(File.ReadAllText(Path.Combine(root, "src", "SynthKernelExtension", "interactive-extensions", "dotnet", "extension.dib")), reader.ReadToEnd());
        Assert.NotNull(zip.GetEntry("lib/net8.0/SynthKernelExtension.dll"));

        XNamespace ns = XDocument.Load(zip.GetEntry("SynthNotebooks.nuspec")!.Open()).Root!.Name.Namespace;
        var nuspec = XDocument.Load(zip.GetEntry("SynthNotebooks.nuspec")!.Open());
        Assert.Equal("SynthNotebooks", nuspec.Descendants(ns + "id").Single().Value);
        var dependencies = nuspec.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToArray();
        Assert.Contains("SynthCore", dependencies);
        Assert.Contains("SynthCommands", dependencies);
        Assert.Contains("TorchSharp-cpu", dependencies);
        // The kernel brings its own Formatting assembly; the package must not add an older one.
        Assert.DoesNotContain("Microsoft.DotNet.Interactive.Formatting", dependencies);
    }
}
