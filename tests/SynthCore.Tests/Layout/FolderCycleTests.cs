using SynthCore.Data;
using Xunit.Abstractions;

namespace SynthCore.Tests.Layout;

/// <summary>
/// SynthCore's folders follow the data flow (table → metadata → transforms → synthesizer → samples →
/// evaluation → presentation), so no two folders may need each other, directly or around a longer loop.
/// Each namespace is one node (see <see cref="FolderGraph"/>); references come from the compiled assembly
/// and from the sources' <c>using</c> directives; the failure names each cycle and the reference behind every step.
/// </summary>
public class FolderCycleTests(ITestOutputHelper output)
{
    [Fact]
    public void SynthCore_folders_depend_on_each_other_one_way_only()
    {
        var graph = FolderGraph.Read(typeof(TableMetadata).Assembly.Location, "SynthCore", Path.Combine(BundledData.RepoRoot, "src", "SynthCore"));
        foreach (string folder in graph.Folders)
            output.WriteLine($"{folder} → {string.Join(", ", graph.DependenciesOf(folder))}");

        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, $"SynthCore has {cycles.Count} folder cycle(s):\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void The_graph_sees_references_from_bodies_signatures_closures_and_base_types_and_names_the_cycle()
    {
        var graph = FolderGraph.Read(typeof(FolderCycleTests).Assembly.Location, typeof(Fixture.Delta.Leaf).Namespace![..^".Delta".Length]);

        Assert.Equal(["Alpha", "Beta", "Delta", "Gamma"], graph.Folders);
        Assert.Equal(["Beta", "Delta"], graph.DependenciesOf("Alpha"));
        Assert.Equal(["Gamma"], graph.DependenciesOf("Beta"));
        Assert.Equal(["Alpha"], graph.DependenciesOf("Gamma"));
        Assert.Empty(graph.DependenciesOf("Delta"));

        var cycle = Assert.Single(graph.Cycles());
        Assert.StartsWith("{Alpha, Beta, Gamma}\n  Alpha → Beta → Gamma → Alpha\n", cycle);
        Assert.Contains("Gamma → Alpha  (Item uses Source)", cycle);
    }

    [Fact]
    public void A_using_directive_counts_even_where_the_assembly_shows_no_reference()
    {
        string folder = Directory.CreateTempSubdirectory("folder-graph-").FullName;
        try
        {
            // Delta names nothing of Gamma in code (a constant would leave no trace either); its using closes a loop.
            File.WriteAllText(Path.Combine(folder, "Leaf.cs"), """
                using SynthCore.Tests.Layout.Fixture.Gamma;

                namespace SynthCore.Tests.Layout.Fixture.Delta;
                """);
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            File.WriteAllText(Path.Combine(folder, "obj", "Generated.cs"), "using SynthCore.Tests.Layout.Fixture.Beta;\nnamespace SynthCore.Tests.Layout.Fixture.Delta;");

            var graph = FolderGraph.Read(typeof(FolderCycleTests).Assembly.Location, typeof(Fixture.Delta.Leaf).Namespace![..^".Delta".Length], folder);

            Assert.Equal(["Gamma"], graph.DependenciesOf("Delta"));
            var cycle = Assert.Single(graph.Cycles());
            Assert.StartsWith("{Alpha, Beta, Delta, Gamma}\n", cycle);
            Assert.Contains("Delta → Gamma  (Leaf.cs has 'using SynthCore.Tests.Layout.Fixture.Gamma;')", cycle);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
