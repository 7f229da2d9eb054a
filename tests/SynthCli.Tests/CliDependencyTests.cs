using System.Text.Json.Nodes;

namespace SynthCli.Tests;

/// <summary>The console tool runs on the shared commands alone: no notebook extension, no .NET Interactive package.</summary>
public sealed class CliDependencyTests
{
    [Fact]
    public void The_tool_loads_the_commands_but_nothing_of_the_notebook_extension()
    {
        // The tool's own dependency file, written by the build next to synth.dll: every library it may load.
        string depsFile = Path.ChangeExtension(CliProcess.ToolPath, ".deps.json");
        var libraries = JsonNode.Parse(File.ReadAllText(depsFile))!["libraries"]!.AsObject().Select(l => l.Key.Split('/')[0]).ToArray();

        Assert.Contains("SynthCommands", libraries);
        Assert.Contains("SynthReports", libraries);
        Assert.DoesNotContain("SynthKernelExtension", libraries);
        // The databases --from reads are the tool's: its deps carry them, the notebook package's never do.
        Assert.Contains("SynthDatabases", libraries);
        Assert.Contains("DuckDB.NET.Data.Full", libraries);
        Assert.Contains("Microsoft.Data.Sqlite", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase));
    }
}
