using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Training;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>TVAE / VAE divergence: the model as of the last sound epoch is kept and samples, or nothing in the first epoch.</summary>
public sealed class TvaeDivergenceTests
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledData.Load("penguins.csv");

    private static readonly TvaeOptions Small = new() { EncodingDim = 8, HiddenLayers = [32, 32], Epochs = 6, BatchSize = 50, Seed = 7 };

    /// <summary>Fits with the NaN seam at <paramref name="epoch"/> and returns the divergence.</summary>
    private static TrainingDivergedException Diverge(TvaeOptions options, int epoch) =>
        Assert.Throws<TrainingDivergedException>(() => new TvaeSynthesizer(options) { CorruptEpoch = epoch }.FitTvae(Penguins.Table, Penguins.Metadata));

    [Fact]
    public void A_nan_in_epoch_four_keeps_the_model_of_epoch_three_which_samples_valid_rows_deterministically()
    {
        var e = Diverge(Small, 4);

        Assert.Equal(4, e.Step);
        Assert.Contains("TVAE training diverged in epoch 4 of 6", e.Message);
        Assert.Contains("the model as of epoch 3 is kept", e.Message);
        using var kept = Assert.IsType<FittedTvae>(e.LastGood);
        Assert.Null(kept.DifferentialPrivacy);
        var rows = kept.Sample(300, seed: 1);
        Assert.Equal(300, rows.Rows.Count);
        Assert.Equal(CtganTests.Csv(rows), CtganTests.Csv(kept.Sample(300, seed: 1)));
        foreach (string column in new[] { "Beak Length (mm)", "Body Mass (g)" })
        {
            var real = Numbers(Penguins.Table, column);
            Assert.All(Numbers(rows, column), v => Assert.True(double.IsFinite(v) && v >= real.Min() && v <= real.Max(), $"{column}: {v}"));
        }
        var species = ((StringDataFrameColumn)Penguins.Table["Species"]).ToHashSet();
        Assert.All((StringDataFrameColumn)rows["Species"], v => Assert.Contains(v, species));

        // The kept model is the one a fit of three epochs returns: the same rows.
        using var threeEpochs = new TvaeSynthesizer(Small with { Epochs = 3 }).FitTvae(Penguins.Table, Penguins.Metadata);
        Assert.Equal(CtganTests.Csv(rows), CtganTests.Csv(threeEpochs.Sample(300, seed: 1)));
    }

    [Fact]
    public void A_dp_sgd_run_that_diverges_keeps_the_epsilon_of_the_steps_before()
    {
        var options = Small with { Model = "vae", DpNoiseMultiplier = 1.2 };
        var e = Diverge(options, 3);

        Assert.Contains("VAE training diverged in epoch 3 of 6", e.Message);
        using var kept = Assert.IsType<FittedTvae>(e.LastGood);
        // Two epochs of ⌈344 / 50⌉ = 7 steps.
        Assert.Equal(14, kept.DifferentialPrivacy!.Steps);
        Assert.Equal(new RdpAccountant().Compose(50.0 / 344, 1.2, 14).GetEpsilon(1e-5).Epsilon, kept.DifferentialPrivacy.Epsilon, 12);
        Assert.Equal(CtganTests.Csv(kept.Sample(50, seed: 2)), CtganTests.Csv(kept.Sample(50, seed: 2)));
    }

    [Fact]
    public void Divergence_in_the_first_epoch_keeps_nothing_and_says_so()
    {
        var e = Diverge(Small, 1);
        Assert.Equal(1, e.Step);
        Assert.Null(e.LastGood);
        Assert.Contains("TVAE training diverged in epoch 1 of 6", e.Message);
        Assert.Contains("--learning-rate (now 0.001)", e.Message);
        Assert.Contains("no epoch finished soundly, so there is no model to keep", e.Message);
    }

    [Fact]
    public void A_huge_learning_rate_diverges_with_a_clear_error()
    {
        var e = Assert.Throws<TrainingDivergedException>(() => new TvaeSynthesizer(Small with { LearningRate = 1e12 }).FitTvae(Penguins.Table, Penguins.Metadata));
        Assert.Contains("--learning-rate (now 1000000000000)", e.Message);
        Assert.Equal(e.Step == 1, e.LastGood is null);
        (e.LastGood as IDisposable)?.Dispose();
    }
}
