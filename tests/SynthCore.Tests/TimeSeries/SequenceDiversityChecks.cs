using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// DTW against its real-to-real baseline, with the diversity check: fresh sines sequences score about 1 on both ratios;
/// a collapsed generator (every sequence the real mean sequence) gets a lower DTW to the real sequences than real ones
/// have to each other — the trap — and the diversity check calls it collapsed. Ranges: seeds 1–20 (docs/seed-sweeps.md).
/// </summary>
public static class SequenceDiversityChecks
{
    public static IReadOnlyList<StatisticalCheck> All(int seed)
    {
        var real = SinesData.Generate(sequences: 200, length: 24, features: 2, seed: seed);
        var fresh = SinesData.Generate(sequences: 200, length: 24, features: 2, seed: seed + 1000);
        var mean = Enumerable.Range(0, 24).Select(t => Enumerable.Range(0, 2).Select(f => real.Average(s => s[t][f])).ToArray()).ToArray();
        var collapsed = Enumerable.Range(0, 200).Select(_ => mean).ToArray();

        var freshComparison = SequenceComparison.Compare(real, fresh, ["a", "b"], seed: seed);
        var collapsedComparison = SequenceComparison.Compare(real, collapsed, ["a", "b"], seed: seed);
        Assert.False(freshComparison.Collapsed);
        Assert.True(collapsedComparison.Collapsed);
        return
        [
            // seeds 1–20: 0.981 … 1.038 and 0.974 … 1.049
            new("fresh: DTW ratio", freshComparison.DtwRatio, 0.9, 1.1),
            new("fresh: diversity ratio", freshComparison.DiversityRatio, 0.9, 1.1),
            // seeds 1–20: 0.908 … 0.951 (the collapsed output looks nearer to the real sequences than they are to each other)
            StatisticalCheck.AtMost("collapsed: DTW ratio (below 1: the trap)", collapsedComparison.DtwRatio, 1.0),
            // seeds 1–20: 0.000 (identical sequences)
            StatisticalCheck.AtMost("collapsed: diversity ratio", collapsedComparison.DiversityRatio, 0.01),
        ];
    }
}

public sealed class SequenceDiversityTests
{
    [Fact]
    public void Dtw_is_judged_against_real_to_real_and_collapse_is_caught() => StatisticalCheck.AssertAll(SequenceDiversityChecks.All(1));
}

public sealed class SequenceDiversitySweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(SequenceDiversityChecks.All, output.WriteLine);
}
