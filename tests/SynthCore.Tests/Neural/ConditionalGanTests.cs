using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>One conditional GAN on data/screentime.csv conditioned on App, through the registry.</summary>
public sealed class ScreentimeCganFixture : IDisposable
{
    public const int Steps = 3000;

    public ScreentimeCganFixture()
    {
        (Real, Metadata) = BundledData.Load("screentime.csv");
        var settings = new SynthesizerSettings { Seed = 42, Epochs = Steps, Extra = new Dictionary<string, string> { ["condition"] = "App" } };
        Model = (FittedGan)SynthesizerRegistry.Default.Create("cgan", settings).Fit(Real, Metadata);
        Synthetic = Model.Sample(5000);
    }

    public DataFrame Real { get; }
    public TableMetadata Metadata { get; }
    public FittedGan Model { get; }
    public DataFrame Synthetic { get; }

    public void Dispose() => Model.Dispose();
}

/// <summary>The conditional GAN generates for the category it is given, with that category's character.</summary>
public sealed class ConditionalGanTests(ScreentimeCganFixture cgan) : IClassFixture<ScreentimeCganFixture>
{
    private static SampleConditions App(params string[] apps) =>
        new([apps.Length == 1 ? new EqualsCondition("App", apps[0]) : new OneOfCondition("App", apps)]);

    [Fact]
    public void Sampling_an_app_gives_only_that_app_and_its_notification_level()
    {
        var whatsapp = cgan.Model.Sample(500, App("WhatsApp"), seed: 3);
        var netflix = cgan.Model.Sample(500, App("Netflix"), seed: 3);

        Assert.All(((StringDataFrameColumn)whatsapp["App"]).ToArray(), app => Assert.Equal("WhatsApp", app));
        Assert.All(((StringDataFrameColumn)netflix["App"]).ToArray(), app => Assert.Equal("Netflix", app));
        double whatsappMean = Mean(Numbers(whatsapp, "Notifications")), netflixMean = Mean(Numbers(netflix, "Notifications"));
        // Real means: WhatsApp ~100, Netflix ~0 (the overall mean is ~28).
        Assert.True(whatsappMean > 60 && netflixMean < 15 && whatsappMean > 5 * netflixMean,
            $"Notifications means: WhatsApp {whatsappMean:F1}, Netflix {netflixMean:F1}");
    }

    [Fact]
    public void Per_app_usage_means_follow_the_real_ones()
    {
        // Each app's usage mean within 25% (or 10 minutes) of the real one: the generator learned per-app structure.
        foreach (var app in Shares(cgan.Real, "App").Keys)
        {
            var realRows = cgan.Real.Filter(((StringDataFrameColumn)cgan.Real["App"]).ElementwiseEquals(app));
            double real = Mean(Numbers(realRows, "Usage (minutes)"));
            double synthetic = Mean(Numbers(cgan.Model.Sample(400, App(app), seed: 4), "Usage (minutes)"));
            Assert.True(Math.Abs(synthetic - real) <= Math.Max(0.25 * real, 10), $"{app} usage mean: real {real:F1}, synthetic {synthetic:F1}");
        }
    }

    [Fact]
    public void One_of_several_apps_keeps_their_relative_frequencies_without_other_apps()
    {
        var rows = cgan.Model.Sample(2000, App("WhatsApp", "Netflix"), seed: 6);
        var shares = Shares(rows, "App");
        var real = Shares(cgan.Real, "App");

        Assert.Equal(["Netflix", "WhatsApp"], shares.Keys.Order());
        double expected = real["WhatsApp"] / (real["WhatsApp"] + real["Netflix"]);
        Assert.InRange(shares["WhatsApp"], expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void Unconditional_samples_keep_the_real_app_frequencies_and_the_marginals()
    {
        Assert.True(TotalVariation(cgan.Real, cgan.Synthetic, "App") <= 0.05, $"App TV distance {TotalVariation(cgan.Real, cgan.Synthetic, "App"):F3}");
        foreach (var column in new[] { "Usage (minutes)", "Notifications", "Times Opened" })
        {
            AssertRelative(Mean(Numbers(cgan.Real, column)), Mean(Numbers(cgan.Synthetic, column)), 0.20, $"{column} mean");
            AssertRelative(Std(Numbers(cgan.Real, column)), Std(Numbers(cgan.Synthetic, column)), 0.20, $"{column} standard deviation");
        }
        double real = Correlation(Numbers(cgan.Real, "Notifications"), Numbers(cgan.Real, "Times Opened"));
        double synthetic = Correlation(Numbers(cgan.Synthetic, "Notifications"), Numbers(cgan.Synthetic, "Times Opened"));
        Assert.True(Math.Abs(synthetic - real) <= 0.1, $"correlation: real {real:F3}, synthetic {synthetic:F3}");
    }

    [Fact]
    public void Other_conditions_are_met_by_rejection_on_top_of_the_category()
    {
        var rows = cgan.Model.Sample(50, new SampleConditions([new EqualsCondition("App", "WhatsApp"), new RangeCondition("Notifications", 80, null)]), seed: 2);

        Assert.All(((StringDataFrameColumn)rows["App"]).ToArray(), app => Assert.Equal("WhatsApp", app));
        Assert.All(Numbers(rows, "Notifications"), n => Assert.True(n >= 80));
    }

    [Fact]
    public void Saved_and_loaded_it_samples_the_same_rows_for_a_category()
    {
        using var file = new MemoryStream();
        cgan.Model.Save(file);
        file.Position = 0;
        using var loaded = (FittedGan)SynthesizerRegistry.Default.Load(file, cgan.Metadata);

        Assert.Equal("cgan", loaded.ModelName);
        Assert.Equal("App", loaded.Options.Condition);
        Assert.Equal(Numbers(cgan.Model.Sample(100, App("Instagram"), seed: 8), "Usage (minutes)"), Numbers(loaded.Sample(100, App("Instagram"), seed: 8), "Usage (minutes)"));
    }

    [Fact]
    public void Unknown_categories_and_bad_condition_columns_are_refused_by_name()
    {
        var unknown = Assert.Throws<SynthColumnException>(() => cgan.Model.Sample(5, App("TikTok")));
        Assert.Contains("WhatsApp", unknown.Message);

        var noCondition = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("cgan", new SynthesizerSettings()));
        Assert.Equal("condition", noCondition.Option);

        var numeric = new SynthesizerSettings { Epochs = 1, Extra = new Dictionary<string, string> { ["condition"] = "Notifications" } };
        var e = Assert.Throws<SynthColumnException>(() => SynthesizerRegistry.Default.Create("cgan", numeric).Fit(cgan.Real, cgan.Metadata));
        Assert.Equal("Notifications", e.Column);
        var missing = new SynthesizerSettings { Epochs = 1, Extra = new Dictionary<string, string> { ["condition"] = "Nope" } };
        Assert.Equal("Nope", Assert.Throws<SynthColumnException>(() => SynthesizerRegistry.Default.Create("cgan", missing).Fit(cgan.Real, cgan.Metadata)).Column);
    }

    [Fact]
    public void The_wgan_gp_loss_is_an_option_of_the_conditional_gan()
    {
        var options = GanRegistration.OptionsFrom(new SynthesizerSettings
        {
            LearningRate = 3e-4,
            Extra = new Dictionary<string, string> { ["condition"] = "App", ["loss"] = "wgan-gp" },
        }, conditional: true);

        Assert.Equal((GanLoss.WganGp, 5, 3e-4, 0.9, "cgan"), (options.Loss, options.CriticSteps, options.LearningRate, options.Beta2, options.ModelName));
        Assert.Equal("loss", Assert.Throws<SynthOptionException>(() => GanRegistration.OptionsFrom(new SynthesizerSettings
        {
            Extra = new Dictionary<string, string> { ["condition"] = "App", ["loss"] = "hinge" },
        }, conditional: true)).Option);
    }
}
