using System.Text.Json.Nodes;

namespace SynthKernelExtension.Tests.Packaging;

/// <summary>What the notebook package brings into a kernel: the commands, but no database provider.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void The_extension_carries_no_database_provider()
    {
        // This project references the extension alone, so its dependency file lists what the extension brings. The
        // databases of --from (SynthDatabases: DuckDB's ~320 MB of native libraries, SQLite) are the console tool's only;
        // in a notebook the user opens a connection with a provider of their own, or passes a DataFrame.
        string depsFile = Path.Combine(AppContext.BaseDirectory, "SynthKernelExtension.Tests.deps.json");
        var libraries = JsonNode.Parse(File.ReadAllText(depsFile))!["libraries"]!.AsObject().Select(l => l.Key.Split('/')[0]).ToArray();

        Assert.Contains("SynthCommands", libraries);
        Assert.DoesNotContain("SynthDatabases", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase) || l.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
    }
}
