using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using SynthCore.Training;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class DpGanTests
{
    private static readonly GanOptions Small = new()
    {
        Steps = 8, BatchSize = 16, Pac = 1, LatentDim = 16, ProgressEvery = 4, DpNoiseMultiplier = 1.0, DpMaxGradNorm = 1.0, Seed = 3,
    };

    private static FittedGan Fit(GanOptions options)
    {
        var table = PrivacyTestData.Screentime();
        return (FittedGan)new GanSynthesizer(options).Fit(table, TableMetadata.Detect(table));
    }

    [Fact]
    public void TrainsWithDpSgdAndReportsTheAccountantsEpsilon()
    {
        var progress = new List<SynthCore.Training.TrainingProgress>();
        var table = PrivacyTestData.Screentime();
        var model = (FittedGan)new GanSynthesizer(Small).Fit(table, TableMetadata.Detect(table), new Progress(progress));

        var (epsilon, delta) = model.DifferentialPrivacy!.Value;
        Assert.Equal(1e-5, delta);
        Assert.Equal(new RdpAccountant().Compose(16.0 / 200, 1.0, 8).GetEpsilon(1e-5).Epsilon, epsilon, 12);
        Assert.All(progress, p => Assert.True(double.IsFinite(p.Losses["discriminator"])));
        Assert.Equal(2, progress.Count);

        var rows = model.Sample(50, seed: 1);
        Assert.Equal(50, rows.Rows.Count);
        Assert.Equal(table.Columns.Select(c => c.Name), rows.Columns.Select(c => c.Name));

        // Same seed, same model: Poisson batches and noise are seeded.
        var again = Fit(Small);
        Assert.Equal(Csv(rows), Csv(again.Sample(50, seed: 1)));
        // The noise matters: another seed gives another model.
        Assert.NotEqual(Csv(rows), Csv(Fit(Small with { Seed = 4 }).Sample(50, seed: 1)));
    }

    [Fact]
    public void OptionsAreCheckedAndParsed()
    {
        Assert.Equal("pac", Assert.Throws<SynthOptionException>(() => new GanSynthesizer(Small with { Pac = 4 })).Option);
        Assert.Equal("dp-noise-multiplier", Assert.Throws<SynthOptionException>(() => new GanSynthesizer(Small with { DpNoiseMultiplier = 0 })).Option);
        Assert.Equal("dp-delta", Assert.Throws<SynthOptionException>(() => new GanSynthesizer(Small with { DpDelta = 1 })).Option);
        Assert.Equal("dp-count-noise-multiplier", Assert.Throws<SynthOptionException>(() => new GanSynthesizer(Small with { DpCountNoiseMultiplier = -1 })).Option);
        Assert.Equal("pac", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("wgan-gp",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["pac"] = "2", ["dp-noise-multiplier"] = "1" } })).Option);
        // DP without an explicit pac means pac 1, for every model of the family.
        var cgan = (GanSynthesizer)SynthesizerRegistry.Default.Create("cgan",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["condition"] = "App", ["dp-noise-multiplier"] = "1", ["dp-count-noise-multiplier"] = "3" } });
        Assert.Equal((1, 1.0, 3.0), (cgan.Options.Pac, cgan.Options.DpNoiseMultiplier!.Value, cgan.Options.DpCountNoiseMultiplier));
        Assert.Equal(4, ((GanSynthesizer)SynthesizerRegistry.Default.Create("gan", new SynthesizerSettings())).Options.Pac);

        var settings = new SynthesizerSettings
        {
            Extra = new Dictionary<string, string> { ["dp-noise-multiplier"] = "1.3", ["dp-max-grad-norm"] = "0.5", ["dp-delta"] = "1e-6", ["pac"] = "1" },
        };
        var gan = (GanSynthesizer)SynthesizerRegistry.Default.Create("gan", settings);
        Assert.Equal(1.3, gan.Options.DpNoiseMultiplier);
        Assert.Equal(0.5, gan.Options.DpMaxGradNorm);
        Assert.Equal(1e-6, gan.Options.DpDelta);
        Assert.Null(new GanSynthesizer(new GanOptions()).Options.DpNoiseMultiplier);
    }

    [Fact]
    public void WganGpTrainsWithDpSgdCountingEveryCriticStep()
    {
        var options = GanOptions.WganGpDefaults with { Steps = 4, BatchSize = 16, Pac = 1, LatentDim = 16, ProgressEvery = 2, DpNoiseMultiplier = 1.0, Seed = 3 };
        var progress = new List<SynthCore.Training.TrainingProgress>();
        var table = PrivacyTestData.Screentime();
        var model = (FittedGan)new GanSynthesizer(options).Fit(table, TableMetadata.Detect(table), new Progress(progress));

        // 4 generator steps × 5 critic updates, each a Poisson batch at q = 16 / 200.
        Assert.Equal(new RdpAccountant().Compose(16.0 / 200, 1.0, 20).GetEpsilon(1e-5).Epsilon, model.DifferentialPrivacy!.Value.Epsilon, 12);
        // The per-example loss holds the penalty: it is reported, finite and positive.
        Assert.All(progress, p => Assert.True(p.Losses["gradient_penalty"] > 0 && double.IsFinite(p.Losses["discriminator"])));
        var rows = model.Sample(50, seed: 1);
        Assert.Equal(Csv(rows), Csv(Fit(options).Sample(50, seed: 1)));
        var apps = table["App"].Cast<object?>().ToHashSet();
        Assert.All(rows["App"].Cast<object?>(), app => Assert.Contains(app, apps));
    }

    [Fact]
    public void CganTrainsWithDpSgdOnReleasedShares()
    {
        var options = Small with { Condition = "App" };
        var model = Fit(options);

        // The DP-SGD steps and the one Gaussian release of App's counts (σ 5).
        Assert.Equal(new RdpAccountant().Compose(16.0 / 200, 1.0, 8).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, model.DifferentialPrivacy!.Value.Epsilon, 12);
        var whatsapp = model.Sample(40, new SampleConditions([new EqualsCondition("App", "WhatsApp")]), seed: 2);
        Assert.All(whatsapp["App"].Cast<object?>(), app => Assert.Equal("WhatsApp", app));
        var rows = model.Sample(50, seed: 1);
        Assert.Equal(Csv(rows), Csv(Fit(options).Sample(50, seed: 1)));

        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = (FittedGan)SynthesizerRegistry.Default.Load(file);
        Assert.Equal(model.DifferentialPrivacy, loaded.DifferentialPrivacy);
        Assert.Equal(Csv(rows), Csv(loaded.Sample(50, seed: 1)));
    }

    [Fact]
    public void SaveAndLoadKeepTheGuarantee()
    {
        var model = Fit(Small with { Steps = 3 });
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = (FittedGan)SynthesizerRegistry.Default.Load(file);
        Assert.Equal(model.DifferentialPrivacy, loaded.DifferentialPrivacy);
    }

    private sealed class Progress(List<SynthCore.Training.TrainingProgress> list) : IProgress<SynthCore.Training.TrainingProgress>
    {
        public void Report(SynthCore.Training.TrainingProgress value) => list.Add(value);
    }

    private static string Csv(Microsoft.Data.Analysis.DataFrame table) =>
        string.Join("\n", Enumerable.Range(0, (int)table.Rows.Count).Select(r => string.Join(",", table.Columns.Select(c => c[r]))));
}
