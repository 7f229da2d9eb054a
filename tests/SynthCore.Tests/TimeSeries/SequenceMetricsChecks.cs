using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Tests.Sweeps;
using SynthCore.Torch;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// The paper's discriminative and predictive scores with short training: they must tell noise from sines,
/// with the tolerances their seed sweep calibrated (a seed seeds the data sets and the training; the range
/// each check took over seeds 1–10 is in the comments, then over seeds 1–40; rerun with <see cref="SeedSweep"/>'s
/// command after changing the metrics). A seed's sweep takes about 5 s.
/// </summary>
public static class SequenceMetricsChecks
{
    public static float[][][] Scaled(int count, int seed) =>
        SequenceData.FromSequences(SinesData.Generate(count, 12, 3, seed)).ScaledWindows(seed);

    public static float[][][] Noise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 12)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextSingle()).ToArray()).ToArray()).ToArray();
    }

    public static readonly SequenceMetricOptions Short = new() { Iterations = 500, HiddenDim = 8, BatchSize = 64, Seed = 3, LearningRate = 0.01 };

    /// <summary>
    /// Real against real sines scores near 0, against noise near ½; so does the 2-layer classifier
    /// (the default is the reference code's single layer), given more steps.
    /// </summary>
    public static IReadOnlyList<StatisticalCheck> Discriminative(RecurrentInitialization initialization, int realSeed, int otherSeed, int noiseSeed, int trainingSeed)
    {
        var options = Short with { Initialization = initialization, Seed = trainingSeed };
        var real = Scaled(600, realSeed);
        var sameProcess = Scaled(600, otherSeed);
        var versusReal = SequenceMetrics.Discriminative(real, sameProcess, options);
        var versusNoise = SequenceMetrics.Discriminative(real, Noise(600, noiseSeed), options);
        Assert.Equal(Math.Abs(versusNoise.Accuracy - 0.5), versusNoise.Score, 12);
        string name = initialization.ToString();
        // 500 steps do not always finish separating noise from sines: the score against noise was held to
        // 0.4 … 0.5 (accuracy ≥ 90 %), which 10 of the 20 fits (seeds 1–10 × both initialisations) broke; ≥ 0.3 (accuracy ≥ 80 %)
        // still tells noise far from a same-process set (≤ 0.067 at every seed).
        return
        [
            // seeds 1–10: TensorFlow 0.008 … 0.042, Torch 0.000 … 0.062 (1–40: ≤ 0.067)
            new StatisticalCheck($"{name}: score, real vs real", versusReal.Score, 0, 0.1),
            // seeds 1–10: TensorFlow 0.367 … 0.442, Torch 0.354 … 0.417 (1–40: ≥ 0.350, ≥ 0.333)
            new StatisticalCheck($"{name}: score, real vs noise", versusNoise.Score, 0.3, 0.5),
            // seeds 1–10: TensorFlow 0.400 … 0.450, Torch 0.396 … 0.442 (1–40: ≥ 0.371, ≥ 0.379)
            new StatisticalCheck($"{name}: 2-layer score, real vs noise", SequenceMetrics.Discriminative(real, Noise(600, noiseSeed), options with { Layers = 2, Iterations = 1000 }).Score, 0.33, 0.5),
        ];
    }

    /// <summary>
    /// Sines whose last feature repeats the first one step later, so the next last value is
    /// predictable from the other features (in plain Sines the features are independent and the
    /// predictive score only measures how well the marginal is matched).
    /// </summary>
    public static float[][][] Lagged(int count, int seed)
    {
        var sines = SinesData.Generate(count, 13, 3, seed);
        var lagged = sines.Select(s => Enumerable.Range(1, 12).Select(t => new[] { s[t][0], s[t][1], s[t - 1][0] }).ToArray()).ToArray();
        return SequenceData.FromSequences(lagged).ScaledWindows(seed);
    }

    /// <summary>A predictor trained on sines predicts real sines better than one trained on noise, and about as well as one trained on real.</summary>
    public static IReadOnlyList<StatisticalCheck> Predictive(int realSeed, int otherSeed, int noiseSeed, int trainingSeed)
    {
        var options = Short with { Seed = trainingSeed };
        var real = Lagged(600, realSeed);
        var fromReal = SequenceMetrics.Predictive(real, Lagged(600, otherSeed), options);
        var fromNoise = SequenceMetrics.Predictive(real, Noise(600, noiseSeed), options);
        Assert.Equal(fromReal.TrainOnRealMae, fromNoise.TrainOnRealMae, 12);
        return
        [
            // seeds 1–10: 0.276 … 0.309 (1–40: 0.276 … 0.323)
            StatisticalCheck.AtLeast("noise-trained minus sines-trained MAE", fromNoise.TrainOnSyntheticMae - fromReal.TrainOnSyntheticMae, 0.03),
            // Two separate 500-step trainings on two sets of the same process: their MAEs differ by up to a
            // factor of 2 either way with the seed, which is the short metric's own noise, not the data's; the
            // test's 0.8 … 1.25 held at 8 of seeds 1–10. The noise-trained predictor is ~0.3 worse at every seed.
            // seeds 1–10: 0.833 … 1.645 (1–40: 0.475 … 1.645)
            new StatisticalCheck("sines-trained / real-trained MAE", fromReal.TrainOnSyntheticMae / fromReal.TrainOnRealMae, 0.4, 2.0),
        ];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) =>
    [
        .. Discriminative(RecurrentInitialization.TensorFlow, 3 * seed, 3 * seed + 1, 1000 + seed, seed),
        .. Discriminative(RecurrentInitialization.Torch, 3 * seed, 3 * seed + 1, 1000 + seed, seed),
        .. Predictive(3 * seed, 3 * seed + 1, 1000 + seed, seed),
    ];
}

/// <summary>The sequence metrics' checks at seeds 1–10 (data sets and training; ~5 s a seed).</summary>
public sealed class SequenceMetricsSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(SequenceMetricsChecks.All, output.WriteLine);
}

/// <summary>
/// The Sines generator's overall mean over 2,000 × 24 × 5 values (the paper's formula: zero in expectation),
/// with the tolerance its seed sweep calibrated (seeds 1–10 in the comment, then 1–100).
/// </summary>
public static class SinesChecks
{
    public static IReadOnlyList<StatisticalCheck> Mean(int seed)
    {
        var all = SinesData.Generate(2000, 24, 5, seed).SelectMany(s => s).SelectMany(x => x).ToArray();
        // Was ±0.03, tightened. seeds 1–10: −0.003 … 0.000 (1–100: −0.004 … 0.004)
        return [new StatisticalCheck("Sines overall mean", all.Average(), -0.01, 0.01)];
    }
}

/// <summary>The Sines generator's check at seeds 1–10.</summary>
public sealed class SinesSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(SinesChecks.Mean, output.WriteLine);
}
