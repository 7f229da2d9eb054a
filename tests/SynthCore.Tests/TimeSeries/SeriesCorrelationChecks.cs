using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// The mean correlation of each synthetic series with its nearest real window (<see cref="SeriesCorrelation"/>): high for
/// fresh sines against sines (real against real), near 0 for the same sequences with their steps shuffled, and 0 for flat
/// sequences (each sequence's mean at every step); the block bootstrap of a daily AR(1) table above its own sequences shuffled. Ranges: seeds 1–20 (docs/seed-sweeps.md).
/// </summary>
public static class SeriesCorrelationChecks
{
    public static IReadOnlyList<StatisticalCheck> All(int seed)
    {
        var real = SinesData.Generate(sequences: 200, length: 24, features: 2, seed: seed);
        var fresh = SinesData.Generate(sequences: 200, length: 24, features: 2, seed: seed + 1000);
        var random = new RandomStreams(seed).Stream("shuffle steps");
        var shuffled = fresh.Select(s =>
        {
            var steps = (double[][])s.Clone();
            random.Shuffle(steps);
            return steps;
        }).ToArray();
        var flat = fresh.Select(s =>
        {
            var mean = Enumerable.Range(0, 2).Select(f => s.Average(step => step[f])).ToArray();
            return s.Select(_ => (double[])mean.Clone()).ToArray();
        }).ToArray();

        // The block bootstrap of an AR(1) daily table: its sequences are stretches of the real series glued together.
        var daily = SequenceSynthesizerChecks.Daily(seed, seed + 500);
        var bootstrap = (IFittedSequenceSynthesizer)SynthesizerRegistry.Default.Create("block-bootstrap", new SynthesizerSettings
        {
            Seed = seed,
            Extra = new Dictionary<string, string> { ["seq-len"] = "20" },
        }).Fit(daily.Table, daily.Metadata);
        var windows = SequenceData.FromTable(daily.Table, daily.Metadata, bootstrap.DataOptions).RawWindows();
        var resampled = bootstrap.SampleSequences(200);
        var resampledShuffled = resampled.Select(s =>
        {
            var steps = (double[][])s.Clone();
            random.Shuffle(steps);
            return steps;
        }).ToArray();
        double bootstrapLevel = SeriesCorrelation.Mean(windows, resampled, seed);
        double bootstrapShuffled = SeriesCorrelation.Mean(windows, resampledShuffled, seed);

        double realLevel = SeriesCorrelation.Mean(real, fresh, seed);
        double shuffledLevel = SeriesCorrelation.Mean(real, shuffled, seed);
        return
        [
            // seeds 1–20: 0.446 … 0.577 (200 real candidates; a partner matches in shape, not step for step)
            StatisticalCheck.AtLeast("real against real", realLevel, 0.35),
            // seeds 1–20: 0.095 … 0.152 (above 0: a partner is chosen for being near)
            new("shuffled steps", shuffledLevel, -0.25, 0.25),
            // seeds 1–20: 0.316 … 0.465
            StatisticalCheck.AtLeast("real minus shuffled", realLevel - shuffledLevel, 0.2),
            // seeds 1–20: 0.310 … 0.380
            StatisticalCheck.AtLeast("block bootstrap of a daily AR(1) table", bootstrapLevel, 0.25),
            // seeds 1–20: 0.196 … 0.245 (the noise feature is mostly white noise, which shuffling barely changes)
            StatisticalCheck.AtMost("the same, steps shuffled", bootstrapShuffled, 0.3),
            // seeds 1–20: 0.076 … 0.179
            StatisticalCheck.AtLeast("block bootstrap minus shuffled", bootstrapLevel - bootstrapShuffled, 0.04),
            // seeds 1–20: 0 (a flat series follows none of the real movement)
            new("flat sequences", SeriesCorrelation.Mean(real, flat, seed), -1e-12, 1e-12),
            // copies of the real windows are their own nearest windows
            new("copies of the real windows", SeriesCorrelation.Mean(real, real, seed), 1 - 1e-9, 1 + 1e-9),
        ];
    }
}

public sealed class SeriesCorrelationTests
{
    [Fact]
    public void Mean_correlation_is_high_for_real_series_and_low_for_shuffled_or_flat_ones() => StatisticalCheck.AssertAll(SeriesCorrelationChecks.All(1));

    [Fact]
    public void The_comparison_carries_it()
    {
        var real = SinesData.Generate(sequences: 30, length: 12, features: 2, seed: 3);
        var comparison = SequenceComparison.Compare(real, real, ["a", "b"]);
        Assert.Equal(1.0, comparison.MeanSeriesCorrelation, 9);
    }
}

public sealed class SeriesCorrelationSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(SeriesCorrelationChecks.All, output.WriteLine);
}
