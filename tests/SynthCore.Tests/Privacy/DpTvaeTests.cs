using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Tests.Neural;
using SynthCore.Tests.Sweeps;
using SynthCore.Training;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

/// <summary>DP-SGD for TVAE and the VAE on data/penguins.csv: the accountant's ε, determinism, persistence, options, usefulness.</summary>
[Collection(TorchSerialCollection.Name)]
public sealed class DpTvaeTests(ITestOutputHelper output)
{
    /// <summary>Small networks and two epochs of batch 50: 2 × ⌈344 / 50⌉ = 14 private steps at q = 50 / 344.</summary>
    private static readonly TvaeOptions Small = new()
    {
        EncodingDim = 8, HiddenLayers = [32, 32], Epochs = 2, BatchSize = 50, Seed = 3, DpNoiseMultiplier = 1.1,
    };

    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledData.Load("penguins.csv");

    private static FittedTvae Fit(TvaeOptions options) => new TvaeSynthesizer(options).FitTvae(Penguins.Table, Penguins.Metadata);

    [Fact]
    public void Epsilon_is_the_accountants_for_the_steps_taken()
    {
        using var model = Fit(Small);

        var dp = model.DifferentialPrivacy!;
        double expected = new RdpAccountant().Compose(50.0 / 344, 1.1, 14).GetEpsilon(1e-5).Epsilon;
        output.WriteLine($"ε = {dp.Epsilon:F4} at δ = {dp.Delta} over {dp.Steps} steps, q = {dp.SamplingRate:F4}");
        Assert.Equal(14, dp.Steps);
        Assert.Equal(50.0 / 344, dp.SamplingRate, 12);
        Assert.Equal(expected, dp.Epsilon, 12);
        Assert.Equal((1e-5, 1.1, 1.0), (dp.Delta, dp.NoiseMultiplier, dp.MaxGradNorm));
        Assert.Null(Fit(Small with { DpNoiseMultiplier = null }).DifferentialPrivacy);
    }

    [Fact]
    public void Same_seed_same_model_and_a_saved_model_keeps_its_epsilon()
    {
        using var model = Fit(Small);
        using var again = Fit(Small);
        using var other = Fit(Small with { Seed = 4 });
        string rows = CtganTests.Csv(model.Sample(60, seed: 1));
        Assert.Equal(rows, CtganTests.Csv(again.Sample(60, seed: 1)));
        Assert.NotEqual(rows, CtganTests.Csv(other.Sample(60, seed: 1)));

        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        using var loaded = (FittedTvae)SynthesizerRegistry.Default.Load(file);
        Assert.Equal(model.DifferentialPrivacy, loaded.DifferentialPrivacy);
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(rows, CtganTests.Csv(loaded.Sample(60, seed: 1)));
    }

    [Theory]
    [InlineData("tvae", "dp-noise-multiplier", "0")]
    [InlineData("tvae", "dp-noise-multiplier", "many")]
    [InlineData("vae", "dp-max-grad-norm", "-1")]
    [InlineData("vae", "dp-delta", "1")]
    [InlineData("tvae", "dp-delta", "0")]
    public void Bad_dp_options_name_the_option(string model, string option, string value)
    {
        var settings = new SynthesizerSettings { Extra = new Dictionary<string, string> { [option] = value } };
        Assert.Equal(option, Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create(model, settings)).Option);
    }

    [Fact]
    public void Dp_options_are_parsed_for_both_models()
    {
        var settings = new SynthesizerSettings
        {
            Extra = new Dictionary<string, string> { ["dp-noise-multiplier"] = "1.3", ["dp-max-grad-norm"] = "0.5", ["dp-delta"] = "1e-6" },
        };
        foreach (string name in new[] { "tvae", "vae" })
        {
            var options = ((TvaeSynthesizer)SynthesizerRegistry.Default.Create(name, settings)).Options;
            Assert.Equal((1.3, 0.5, 1e-6), (options.DpNoiseMultiplier!.Value, options.DpMaxGradNorm, options.DpDelta));
        }
        Assert.Null(new TvaeOptions().DpNoiseMultiplier);
    }

    [Fact]
    public void A_dp_trained_tvae_with_moderate_noise_still_gives_valid_rows_near_the_real_frequencies()
    {
        var checks = DpNeuralChecks.DpTvae(fitSeed: 5, sampleSeed: 2, output);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }
}
