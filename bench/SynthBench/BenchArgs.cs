using System.Globalization;

namespace SynthBench;

/// <summary>Reads <c>name=value</c> arguments of a benchmark, with defaults.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public BenchArgs(string[] args)
    {
        foreach (var arg in args)
        {
            int eq = arg.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"Expected name=value, got '{arg}'.");
            values[arg[..eq]] = arg[(eq + 1)..];
        }
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, params int[] fallback) =>
        values.TryGetValue(name, out var v) ? v.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : fallback;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
}
