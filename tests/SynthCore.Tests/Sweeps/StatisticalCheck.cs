using System.Globalization;

namespace SynthCore.Tests.Sweeps;

/// <summary>
/// One statistical property of a fitted model's output, measured against the real rows, and the
/// range it must fall in. A model's checks are one list, used twice: by its fixed-seed tests and by
/// its seed sweep (<see cref="SeedSweep"/>), which is how each range was calibrated.
/// </summary>
public sealed record StatisticalCheck(string Name, double Value, double Low, double High)
{
    public static StatisticalCheck AtMost(string name, double value, double high) => new(name, value, double.NegativeInfinity, high);

    public static StatisticalCheck AtLeast(string name, double value, double low) => new(name, value, low, double.PositiveInfinity);

    public bool Holds => Value >= Low && Value <= High;

    /// <summary>The allowed range as text: "≤ 0.150", "≥ 4500.000" or "0.700 … 0.900".</summary>
    public string Allowed => (double.IsNegativeInfinity(Low), double.IsPositiveInfinity(High)) switch
    {
        (true, _) => string.Create(CultureInfo.InvariantCulture, $"≤ {High:F3}"),
        (_, true) => string.Create(CultureInfo.InvariantCulture, $"≥ {Low:F3}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Low:F3} … {High:F3}"),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Value:F3} (allowed {Allowed})");

    /// <summary>Asserts that every check holds, naming all that do not.</summary>
    public static void AssertAll(IEnumerable<StatisticalCheck> checks)
    {
        var failed = checks.Where(c => !c.Holds).ToArray();
        Assert.True(failed.Length == 0, string.Join("\n", failed.Select(c => c.ToString())));
    }
}
