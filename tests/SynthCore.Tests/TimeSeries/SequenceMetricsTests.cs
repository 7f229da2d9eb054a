using SynthCore.TimeSeries;

namespace SynthCore.Tests.TimeSeries;

/// <summary>The paper's scores with short training and fixed seeds: the classifier and predictor must tell noise from sines.</summary>
public class SequenceMetricsTests
{
    private static float[][][] Scaled(int count, int seed) =>
        SequenceData.FromSequences(SinesData.Generate(count, 12, 3, seed)).ScaledWindows(seed);

    private static float[][][] Noise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 12)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextSingle()).ToArray()).ToArray()).ToArray();
    }

    private static readonly SequenceMetricOptions Short = new() { Iterations = 500, HiddenDim = 8, BatchSize = 64, Seed = 3, LearningRate = 0.01 };

    [Theory]
    [InlineData(RecurrentInitialization.TensorFlow)]
    [InlineData(RecurrentInitialization.Torch)]
    public void Discriminative_score_is_near_0_for_real_vs_real_and_near_half_for_real_vs_noise(RecurrentInitialization initialization)
    {
        var options = Short with { Initialization = initialization };
        var real = Scaled(600, 1);
        var sameProcess = Scaled(600, 2);
        var versusReal = SequenceMetrics.Discriminative(real, sameProcess, options);
        var versusNoise = SequenceMetrics.Discriminative(real, Noise(600, 4), options);
        Assert.InRange(versusReal.Score, 0, 0.1);
        Assert.InRange(versusNoise.Score, 0.4, 0.5);
        Assert.Equal(Math.Abs(versusNoise.Accuracy - 0.5), versusNoise.Score, 12);
        Assert.Equal(versusReal, SequenceMetrics.Discriminative(real, sameProcess, options));
        // The 2-layer classifier (the default is the reference code's single layer) tells noise apart too,
        // given more steps: with TensorFlow's initialisation (gate biases 1) it learns more slowly.
        Assert.InRange(SequenceMetrics.Discriminative(real, Noise(600, 4), options with { Layers = 2, Iterations = 1000 }).Score, 0.4, 0.5);
    }

    /// <summary>
    /// Sines whose last feature repeats the first one step later, so the next last value is
    /// predictable from the other features (in plain Sines the features are independent and the
    /// predictive score only measures how well the marginal is matched).
    /// </summary>
    private static float[][][] Lagged(int count, int seed)
    {
        var sines = SinesData.Generate(count, 13, 3, seed);
        var lagged = sines.Select(s => Enumerable.Range(1, 12).Select(t => new[] { s[t][0], s[t][1], s[t - 1][0] }).ToArray()).ToArray();
        return SequenceData.FromSequences(lagged).ScaledWindows(seed);
    }

    [Fact]
    public void Predictive_score_of_real_training_beats_noise_training()
    {
        var real = Lagged(600, 1);
        var fromReal = SequenceMetrics.Predictive(real, Lagged(600, 2), Short);
        var fromNoise = SequenceMetrics.Predictive(real, Noise(600, 4), Short);
        Assert.True(fromReal.TrainOnSyntheticMae < fromNoise.TrainOnSyntheticMae - 0.03,
            $"sines-trained MAE {fromReal.TrainOnSyntheticMae:F3} vs noise-trained {fromNoise.TrainOnSyntheticMae:F3}");
        Assert.InRange(fromReal.TrainOnSyntheticMae / fromReal.TrainOnRealMae, 0.8, 1.25);
        Assert.Equal(fromReal.TrainOnRealMae, fromNoise.TrainOnRealMae, 12);
    }

    [Fact]
    public void Dtw_and_comparison_statistics_are_exact_on_small_cases()
    {
        double[][] a = [[0], [1], [2]];
        double[][] b = [[0], [0], [1], [2]];
        Assert.Equal(0, Dtw.Distance(a, b), 12);
        Assert.Equal(3, Dtw.Distance([[0], [0]], [[1], [2]]), 12);
        Assert.Equal(5, Dtw.Distance([[0, 0]], [[3, 4]]), 12);

        double[][][] real = [[[1, 2], [2, 4], [3, 6], [4, 8]]];
        double[][][] flipped = [[[1, 8], [2, 6], [3, 4], [4, 2]]];
        var comparison = SequenceComparison.Compare(real, flipped, ["x", "y"], maxLag: 2, dtwPairs: 4);
        Assert.Equal(2.5, comparison.Features[0].RealMean, 12);
        Assert.Equal(comparison.Features[0].RealAcf, comparison.Features[0].SyntheticAcf);
        Assert.Equal(2, comparison.CrossCorrelationMeanAbsoluteDifference, 9);
        // ACF of 1,2,3,4 at lag 1: Σ(x_t − 2.5)(x_{t−1} − 2.5) / Σ(x_t − 2.5)² = (−0.75 − 0.25 − 0.75) / 5 = 0.25.
        Assert.Equal(0.25, comparison.Features[0].RealAcf[0], 12);
        Assert.Equal(0, comparison.RealToRealDtw, 12);
    }
}
