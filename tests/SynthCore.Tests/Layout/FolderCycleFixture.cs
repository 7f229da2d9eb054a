// Four tiny folders for FolderCycleTests: Alpha → Beta → Gamma → Alpha is a cycle, each step made by a
// different kind of reference; Alpha → Delta is not part of it.
namespace SynthCore.Tests.Layout.Fixture.Alpha
{
    /// <summary>Needs Beta only inside a method body, and Delta as an interface.</summary>
    public sealed class Source : Delta.ILeaf
    {
        public static int Count() => 1;

        public override string ToString() => new Beta.Target().ToString() ?? "";
    }
}

namespace SynthCore.Tests.Layout.Fixture.Beta
{
    /// <summary>Needs Gamma only as a type argument of a field.</summary>
    public sealed class Target
    {
        public List<Gamma.Item> Items { get; } = [];
    }
}

namespace SynthCore.Tests.Layout.Fixture.Gamma
{
    /// <summary>Needs Alpha only inside a lambda that captures a local (a compiler-generated closure class).</summary>
    public sealed class Item
    {
        public Func<int> Counter(int offset) => () => Alpha.Source.Count() + offset;
    }
}

namespace SynthCore.Tests.Layout.Fixture.Delta
{
    public interface ILeaf;

    public sealed class Leaf : ILeaf;
}
