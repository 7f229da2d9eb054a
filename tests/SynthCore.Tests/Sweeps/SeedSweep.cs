using System.Globalization;
using System.Text;

namespace SynthCore.Tests.Sweeps;

/// <summary>
/// A seed sweep: fits a model at each of several seeds, measures its statistical checks, prints the
/// range each check took over the seeds against its allowed range, and fails if any seed breaks
/// one. The fixed-seed tests use the same checks, so their tolerances hold at any seed, and so on
/// any CPU. Slow (a fit per seed); runs when SYNTH_SEED_SWEEP is set:
/// <c>SYNTH_SEED_SWEEP=1 dotnet test tests/SynthCore.Tests -c Release --filter "FullyQualifiedName~Sweeps" --logger "console;verbosity=detailed"</c>
/// (SYNTH_SEED_SWEEP=1-20 for other seeds).
/// </summary>
public static class SeedSweep
{
    public const string Variable = "SYNTH_SEED_SWEEP";

    /// <summary>The seeds to sweep: SYNTH_SEED_SWEEP=a-b, or 1 to 10.</summary>
    public static int[] Seeds()
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (value is not null && value.Split('-') is [var a, var b] && int.TryParse(a, out int from) && int.TryParse(b, out int to) && from <= to)
            return Enumerable.Range(from, to - from + 1).ToArray();
        return Enumerable.Range(1, 10).ToArray();
    }

    /// <summary>Runs <paramref name="measure"/> at every seed; writes the table; asserts every check at every seed.</summary>
    public static void Run(Func<int, IReadOnlyList<StatisticalCheck>> measure, Action<string> write)
    {
        var bySeed = Seeds().Select(seed => (Seed: seed, Checks: measure(seed))).ToArray();
        var table = new StringBuilder();
        foreach (var name in bySeed[0].Checks.Select(c => c.Name))
        {
            var values = bySeed.Select(s => s.Checks.Single(c => c.Name == name)).ToArray();
            table.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-48} {1,9:F3} … {2,9:F3}   allowed {3}",
                name, values.Min(c => c.Value), values.Max(c => c.Value), values[0].Allowed));
        }
        write($"seeds {bySeed[0].Seed}–{bySeed[^1].Seed}:\n{table}");
        var failed = bySeed.SelectMany(s => s.Checks.Where(c => !c.Holds).Select(c => $"seed {s.Seed}: {c}")).ToArray();
        Assert.True(failed.Length == 0, string.Join("\n", failed));
    }
}

/// <summary>A fact that runs only in a seed sweep (SYNTH_SEED_SWEEP set); skipped otherwise.</summary>
public sealed class SeedSweepFactAttribute : FactAttribute
{
    public SeedSweepFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SeedSweep.Variable) is null)
            Skip = $"a seed sweep: slow, run with {SeedSweep.Variable}=1";
    }
}
