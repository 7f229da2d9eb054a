using SynthCore.Evaluation.Sequences;
using SynthCore.Tests.Sweeps;
using SynthCore.Torch;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>The paper's scores with short training and fixed seeds: the classifier and predictor must tell noise from sines.</summary>
public class SequenceMetricsTests(ITestOutputHelper output)
{
    private static readonly SequenceMetricOptions Short = SequenceMetricsChecks.Short;

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Theory]
    [InlineData(RecurrentInitialization.TensorFlow)]
    [InlineData(RecurrentInitialization.Torch)]
    public void Discriminative_score_is_near_0_for_real_vs_real_and_near_half_for_real_vs_noise(RecurrentInitialization initialization)
    {
        AssertAll(SequenceMetricsChecks.Discriminative(initialization, realSeed: 1, otherSeed: 2, noiseSeed: 4, trainingSeed: Short.Seed));
        var real = SequenceMetricsChecks.Scaled(600, 1);
        var sameProcess = SequenceMetricsChecks.Scaled(600, 2);
        var options = Short with { Initialization = initialization };
        Assert.Equal(SequenceMetrics.Discriminative(real, sameProcess, options), SequenceMetrics.Discriminative(real, sameProcess, options));
    }

    [Fact]
    public void Predictive_score_of_real_training_beats_noise_training() =>
        AssertAll(SequenceMetricsChecks.Predictive(realSeed: 1, otherSeed: 2, noiseSeed: 4, trainingSeed: Short.Seed));

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

        // The differences' ACF, at lags 1..min(maxLag, length − 2): x's steps 1, 1, 1 have no variance (0 at every lag).
        Assert.Equal([0.0, 0.0], comparison.Features[0].RealDifferenceAcf);
        // Steps 1, −2, 1 (mean 0): lag 1 (−2 − 2) / 6, lag 2 1 / 6.
        var zigzag = SequenceComparison.Compare([[[0], [1], [-1], [0]]], [[[0], [1], [-1], [0]]], ["z"], maxLag: 2, dtwPairs: 1);
        Assert.Equal(-4.0 / 6, zigzag.Features[0].RealDifferenceAcf[0], 12);
        Assert.Equal(1.0 / 6, zigzag.Features[0].RealDifferenceAcf[1], 12);
        Assert.Equal(zigzag.Features[0].RealDifferenceAcf, zigzag.Features[0].SyntheticDifferenceAcf);
    }
}
