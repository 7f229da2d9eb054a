using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Ctgan;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>CTGAN on data/screentime.csv, determinism, cancellation and option errors.</summary>
public sealed class CtganBehaviourTests(ITestOutputHelper output)
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Screentime = BundledData.Load("screentime.csv");

    private static FittedCtgan Fit(int seed, int epochs) =>
        new CtganSynthesizer(new CtganOptions { Epochs = epochs, BatchSize = 50, Pac = 2, GeneratorLearningRate = 5e-4, DiscriminatorLearningRate = 5e-4, Seed = seed })
            .FitCtgan(Screentime.Table, Screentime.Metadata);

    [Fact]
    public void Screentime_marginals_apps_and_per_app_character_are_learned()
    {
        using var model = Fit(seed: 42, epochs: 200);
        var synthetic = model.Sample(3000);
        var columns = new[] { "Usage (minutes)", "Notifications", "Times Opened" };
        foreach (var column in columns)
        {
            double[] real = Numbers(Screentime.Table, column), fake = Numbers(synthetic, column);
            output.WriteLine($"{column}: mean {Mean(real):F1} / {Mean(fake):F1}, std {Std(real):F1} / {Std(fake):F1}, KS {KolmogorovSmirnov(real, fake):F3}");
        }
        double tv = TotalVariation(Screentime.Table, synthetic, "App");
        output.WriteLine($"App TV {tv:F3}");
        // 800 steps on 200 rows: means within 30% (Notifications, a spike at 0 plus a long tail, is the hardest), deviations within 25%.
        foreach (var column in columns)
        {
            double[] real = Numbers(Screentime.Table, column), fake = Numbers(synthetic, column);
            AssertRelative(Mean(real), Mean(fake), 0.30, $"{column} mean");
            AssertRelative(Std(real), Std(fake), 0.25, $"{column} standard deviation");
        }
        Assert.True(tv <= 0.1, $"App TV {tv:F3}");

        var whatsapp = model.Sample(300, new SampleConditions([new EqualsCondition("App", "WhatsApp")]), seed: 1);
        var netflix = model.Sample(300, new SampleConditions([new EqualsCondition("App", "Netflix")]), seed: 1);
        double w = Mean(Numbers(whatsapp, "Notifications")), n = Mean(Numbers(netflix, "Notifications"));
        output.WriteLine($"Notifications: WhatsApp {w:F1} (real ~100), Netflix {n:F1} (real ~0)");
        Assert.All(((StringDataFrameColumn)whatsapp["App"]).ToArray(), app => Assert.Equal("WhatsApp", app));
        Assert.True(w > 2 * n + 20, $"WhatsApp {w:F1}, Netflix {n:F1}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_whatever_the_global_generator()
    {
        SynthCore.Native.TorchNativeLoader.EnsureLoaded();
        TorchSharp.torch.manual_seed(1);
        using var first = Fit(seed: 7, epochs: 3);
        TorchSharp.torch.manual_seed(2);
        using var second = Fit(seed: 7, epochs: 3);
        using var other = Fit(seed: 8, epochs: 3);

        string rows = CtganTests.Csv(first.Sample(100));
        Assert.Equal(rows, CtganTests.Csv(second.Sample(100)));
        Assert.NotEqual(rows, CtganTests.Csv(other.Sample(100)));
        Assert.NotEqual(rows, CtganTests.Csv(first.Sample(100, seed: 3)));
    }

    [Fact]
    public void Cancelling_stops_between_steps()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new CollectingProgress { OnReport = r => { if (r.Phase == "train") cancel.Cancel(); } };
        var ctgan = new CtganSynthesizer(new CtganOptions { Epochs = 1000, BatchSize = 50, Pac = 2 });

        Assert.ThrowsAny<OperationCanceledException>(() => ctgan.Fit(Screentime.Table, Screentime.Metadata, progress, cancel.Token));
        Assert.Equal(["transform", "train"], progress.Reports.Select(r => r.Phase));
    }

    [Theory]
    [InlineData("pac", "7")]
    [InlineData("dropout", "1")]
    [InlineData("generator-dims", "256,0")]
    [InlineData("max-modes", "0")]
    [InlineData("log-frequency", "maybe")]
    [InlineData("generator-average-decay", "1")]
    [InlineData("generator-average-decay", "-0.1")]
    public void Bad_options_name_the_option(string option, string value)
    {
        var settings = new SynthesizerSettings { Extra = new Dictionary<string, string> { [option] = value } };
        var e = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("ctgan", settings));
        Assert.Equal(option == "pac" ? "batch-size" : option, e.Option);
    }

    [Fact]
    public void Settings_and_extras_map_onto_the_options()
    {
        var options = CtganRegistration.OptionsFrom(new SynthesizerSettings
        {
            Seed = 3, Epochs = 10, BatchSize = 100, LearningRate = 1e-3,
            Extra = new Dictionary<string, string> { ["pac"] = "5", ["generator-dims"] = "128,128", ["log-frequency"] = "false", ["generator-average-decay"] = "0.99" },
        });

        Assert.Equal(new CtganOptions
        {
            Seed = 3, Epochs = 10, BatchSize = 100, GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 1e-3,
            Pac = 5, GeneratorDims = [128, 128], LogFrequency = false, GeneratorAverageDecay = 0.99,
        }, options);
        Assert.Contains("embedding-dim", Assert.Throws<SynthOptionException>(() => CtganRegistration.OptionsFrom(
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["latent-dim"] = "3" } })).Message);
    }

    [Fact]
    public void The_weight_average_returns_other_weights_from_the_same_draws()
    {
        var options = new CtganOptions { Epochs = 3, BatchSize = 50, Pac = 2, Seed = 4 };
        using var plain = new CtganSynthesizer(options).FitCtgan(Screentime.Table, Screentime.Metadata);
        using var averaged = new CtganSynthesizer(options with { GeneratorAverageDecay = 0.9 }).FitCtgan(Screentime.Table, Screentime.Metadata);
        using var again = new CtganSynthesizer(options with { GeneratorAverageDecay = 0.9 }).FitCtgan(Screentime.Table, Screentime.Metadata);

        Assert.NotEqual(CtganTests.Csv(plain.Sample(50, seed: 1)), CtganTests.Csv(averaged.Sample(50, seed: 1)));
        Assert.Equal(CtganTests.Csv(averaged.Sample(50, seed: 1)), CtganTests.Csv(again.Sample(50, seed: 1)));
    }

    [Fact]
    public void Unknown_categories_are_refused_by_name()
    {
        using var model = Fit(seed: 1, epochs: 1);
        var e = Assert.Throws<SynthColumnException>(() => model.Sample(5, new SampleConditions([new EqualsCondition("App", "TikTok")])));
        Assert.Equal("App", e.Column);
    }
}
