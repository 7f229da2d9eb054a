using TorchSharp;

namespace SynthCore;

/// <summary>
/// The one place seeds are derived: from one seed, named and independent child streams for .NET
/// <see cref="Random"/>, torch generators and sample chunks. A child's seed is a SplitMix64 mix of the
/// parent's state and a stable FNV-1a hash of the name (not <see cref="string.GetHashCode()"/>, which
/// changes per process), so the same seed gives the same streams on any machine. Names are part of the
/// output: renaming a stream changes the rows it draws.
/// </summary>
public sealed class RandomStreams
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private readonly ulong state;

    /// <summary>Streams from a user-facing seed (any int).</summary>
    public RandomStreams(int seed) : this(Mix(unchecked((ulong)(uint)seed + Golden))) { }

    private RandomStreams(ulong state) => this.state = state;

    /// <summary>The seed of the stream <paramref name="name"/>: 0 to <see cref="int.MaxValue"/>.</summary>
    public int Seed(string name) => (int)(Derive(name) >> 33);

    /// <summary>A fresh .NET random stream named <paramref name="name"/>.</summary>
    public Random Stream(string name) => new(Seed(name));

    /// <summary>A fresh torch generator named <paramref name="name"/> on <paramref name="device"/> (the CPU when null), seeded with all 64 bits.</summary>
    public torch.Generator Torch(string name, torch.Device? device = null) => new(Derive(name), device ?? torch.CPU);

    /// <summary>The seed of stream <paramref name="index"/> of the family <paramref name="name"/> (a fold, a column by position).</summary>
    public int Seed(string name, int index) => Child(name).Seed(Invariant(index));

    /// <summary>Stream <paramref name="index"/> of the family <paramref name="name"/>.</summary>
    public Random Stream(string name, int index) => Child(name).Stream(Invariant(index));

    /// <summary>A nested family of streams, e.g. one per column or per training phase.</summary>
    public RandomStreams Child(string name) => new(Derive(name));

    /// <summary>The streams of sample chunk <paramref name="index"/>: depends on the index only, not on how many chunks there are.</summary>
    public RandomStreams Chunk(int index) => Child("chunk").Child(Invariant(index));

    /// <summary>
    /// The seed for chunk <paramref name="index"/> of a chunked sample from <paramref name="seed"/> (the
    /// model's seed when the caller gave none). Chunk 0 is the seed itself, so the first chunk is exactly
    /// what one <c>Sample</c> call with that seed gives; every later chunk derives from the seed and its index.
    /// </summary>
    public static int ChunkSeed(int seed, int index) =>
        index == 0 ? seed : new RandomStreams(seed).Chunk(index).Seed("seed");

    private ulong Derive(string name) => Mix(state ^ Mix(unchecked(Hash(name) + Golden)));

    private static string Invariant(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>FNV-1a over the name's UTF-16 code units: stable across processes and machines.</summary>
    private static ulong Hash(string name)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in name) h = unchecked((h ^ c) * 0x100000001B3UL);
        return h;
    }
}
