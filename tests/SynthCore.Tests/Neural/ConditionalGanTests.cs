using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>One conditional GAN on data/screentime.csv conditioned on App, through the registry.</summary>
public sealed class ScreentimeCganFixture : IDisposable
{
    public const int Steps = 3000;

    public ScreentimeCganFixture() : this(42) { }

    /// <summary>The same fit at another seed (<see cref="ScreentimeCganSweep"/>).</summary>
    internal ScreentimeCganFixture(int seed)
    {
        (Real, Metadata) = BundledData.Load("screentime.csv");
        var settings = new SynthesizerSettings { Seed = seed, Epochs = Steps, Extra = new Dictionary<string, string> { ["condition"] = "App" } };
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
    internal static SampleConditions App(params string[] apps) =>
        new([apps.Length == 1 ? new EqualsCondition("App", apps[0]) : new OneOfCondition("App", apps)]);

    /// <summary>The statistical checks, with the tolerances <see cref="ScreentimeCganSweep"/> calibrated.</summary>
    internal static IReadOnlyList<StatisticalCheck> Measure(ScreentimeCganFixture fit)
    {
        // Seeds 1–10: means 0.000 … 0.047, deviations 0.008 … 0.097, correlation gap 0.018 … 0.103, App TV 0.011 … 0.018.
        var checks = ScreentimeGanChecks.Marginals(fit.Real, fit.Synthetic, relative: 0.15, correlation: 0.13).ToList();
        checks.Add(StatisticalCheck.AtMost("App total variation", TotalVariation(fit.Real, fit.Synthetic, "App"), 0.05));

        // Real means: WhatsApp ~100, Netflix ~0 (the overall mean is ~28). Seeds 1–10: 89.7 … 96.6 and 0.5 … 1.1.
        double whatsapp = Mean(Numbers(fit.Model.Sample(500, App("WhatsApp"), seed: 3), "Notifications"));
        double netflix = Mean(Numbers(fit.Model.Sample(500, App("Netflix"), seed: 3), "Notifications"));
        checks.Add(StatisticalCheck.AtLeast("WhatsApp notifications mean, sampled on App", whatsapp, 60));
        checks.Add(StatisticalCheck.AtMost("Netflix notifications mean, sampled on App", netflix, 15));

        // Each app's usage mean within 25% (or 10 minutes) of the real one: the generator learned
        // per-app structure. Seeds 1–10: the largest gap 0.12 … 0.53 of that allowance.
        double worst = 0;
        foreach (var app in Shares(fit.Real, "App").Keys)
        {
            var realRows = fit.Real.Filter(((StringDataFrameColumn)fit.Real["App"]).ElementwiseEquals(app));
            double real = Mean(Numbers(realRows, "Usage (minutes)"));
            double synthetic = Mean(Numbers(fit.Model.Sample(400, App(app), seed: 4), "Usage (minutes)"));
            worst = Math.Max(worst, Math.Abs(synthetic - real) / Math.Max(0.25 * real, 10));
        }
        checks.Add(StatisticalCheck.AtMost("largest per-app usage-mean gap, in units of max(25%, 10 min)", worst, 1));

        var shares = Shares(fit.Model.Sample(2000, App("WhatsApp", "Netflix"), seed: 6), "App");
        var realShares = Shares(fit.Real, "App");
        double expected = realShares["WhatsApp"] / (realShares["WhatsApp"] + realShares["Netflix"]);
        checks.Add(StatisticalCheck.AtMost("WhatsApp share among WhatsApp or Netflix, gap", Math.Abs(shares.GetValueOrDefault("WhatsApp") - expected), 0.05));
        return checks;
    }

    [Fact]
    public void Conditional_and_unconditional_rows_are_within_the_swept_tolerances() => StatisticalCheck.AssertAll(Measure(cgan));

    [Fact]
    public void Sampling_an_app_gives_only_that_app()
    {
        Assert.All(((StringDataFrameColumn)cgan.Model.Sample(100, App("WhatsApp"), seed: 3)["App"]).ToArray(), app => Assert.Equal("WhatsApp", app));
        Assert.Equal(["Netflix", "WhatsApp"], Shares(cgan.Model.Sample(300, App("WhatsApp", "Netflix"), seed: 6), "App").Keys.Order());
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

/// <summary>The conditional GAN's checks at seeds 1–10 (slow: a 3,000-step fit per seed).</summary>
public sealed class ScreentimeCganSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed =>
    {
        using var fit = new ScreentimeCganFixture(seed);
        return ConditionalGanTests.Measure(fit);
    }, output.WriteLine);
}
