using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Tests.Sweeps;
using SynthCore.Training;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

/// <summary>CTGAN with DP-SGD on data/penguins.csv: accounting, determinism, persistence, options and what the rows still look like.</summary>
[Collection(TorchSerialCollection.Name)]
public class DpCtganTests(ITestOutputHelper output)
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledData.Load("penguins.csv");

    private static readonly CtganOptions Small = new()
    {
        Epochs = 2, BatchSize = 50, Pac = 1, EmbeddingDim = 32, GeneratorDims = [64, 64], DiscriminatorDims = [64, 64],
        DpNoiseMultiplier = 1.1, Seed = 3,
    };

    private static FittedCtgan Fit(CtganOptions options) => new CtganSynthesizer(options).FitCtgan(Penguins.Table, Penguins.Metadata);

    [Fact]
    public void Reports_the_accountants_epsilon_and_the_same_seed_gives_the_same_model_also_after_save_and_load()
    {
        using var model = Fit(Small);

        // 344 rows, batch 50: 6 steps per epoch, 2 epochs, one critic update each; plus one release of the counts at σ 5.
        var (epsilon, delta) = model.DifferentialPrivacy!.Value;
        double expected = new RdpAccountant().Compose(50.0 / 344, 1.1, 12).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon;
        output.WriteLine($"ε = {epsilon}");
        Assert.Equal(expected, epsilon, 12);
        Assert.Equal(1e-5, delta);
        Assert.Null(new CtganSynthesizer(Small with { DpNoiseMultiplier = null, Pac = 10 }).Options.DpNoiseMultiplier);

        string rows = CtganTestsCsv(model.Sample(60, seed: 1));
        using (var again = Fit(Small)) Assert.Equal(rows, CtganTestsCsv(again.Sample(60, seed: 1)));
        using (var other = Fit(Small with { Seed = 4 })) Assert.NotEqual(rows, CtganTestsCsv(other.Sample(60, seed: 1)));

        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        using var loaded = Assert.IsType<FittedCtgan>(SynthesizerRegistry.Default.Load(file));
        Assert.Equal(model.DifferentialPrivacy, loaded.DifferentialPrivacy);
        Assert.Equal(rows, CtganTestsCsv(loaded.Sample(60, seed: 1)));
    }

    [Fact]
    public void Options_are_parsed_and_bad_ones_are_named()
    {
        Assert.Equal("pac", Assert.Throws<SynthOptionException>(() => new CtganSynthesizer(Small with { Pac = 10 })).Option);
        Assert.Equal("dp-noise-multiplier", Assert.Throws<SynthOptionException>(() => new CtganSynthesizer(Small with { DpNoiseMultiplier = 0 })).Option);
        Assert.Equal("dp-delta", Assert.Throws<SynthOptionException>(() => new CtganSynthesizer(Small with { DpDelta = 1 })).Option);
        Assert.Equal("dp-max-grad-norm", Assert.Throws<SynthOptionException>(() => new CtganSynthesizer(Small with { DpMaxGradNorm = -1 })).Option);
        Assert.Equal("dp-count-noise-multiplier", Assert.Throws<SynthOptionException>(() => new CtganSynthesizer(Small with { DpCountNoiseMultiplier = 0 })).Option);

        static CtganSynthesizer Create(params (string Key, string Value)[] extra) => (CtganSynthesizer)SynthesizerRegistry.Default.Create("ctgan",
            new SynthesizerSettings { Extra = extra.ToDictionary(e => e.Key, e => e.Value) });
        var ctgan = Create(("dp-noise-multiplier", "1.3"), ("dp-max-grad-norm", "0.5"), ("dp-delta", "1e-6"), ("dp-count-noise-multiplier", "8"));
        Assert.Equal((1.3, 0.5, 1e-6, 8.0), (ctgan.Options.DpNoiseMultiplier, ctgan.Options.DpMaxGradNorm, ctgan.Options.DpDelta, ctgan.Options.DpCountNoiseMultiplier));
        Assert.Equal(1, ctgan.Options.Pac);  // DP without an explicit pac means pac 1
        Assert.Equal(10, Create().Options.Pac);
        Assert.Equal("pac", Assert.Throws<SynthOptionException>(() => Create(("dp-noise-multiplier", "1"), ("pac", "2"))).Option);
        Assert.Equal("dp-noise-multiplier", Assert.Throws<SynthOptionException>(() => Create(("dp-noise-multiplier", "lots"))).Option);
    }

    [Fact]
    public void With_moderate_noise_the_rows_are_valid_and_the_category_shares_roughly_right()
    {
        var checks = DpNeuralChecks.DpCtgan(fitSeed: 3, sampleSeed: 5, output);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    private static string CtganTestsCsv(DataFrame table) => Neural.CtganTests.Csv(table);
}
