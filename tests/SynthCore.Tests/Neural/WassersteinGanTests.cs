using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using SynthCore.Training;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>One WGAN-GP trained on data/screentime.csv with a fixed seed, through the registry.</summary>
public sealed class ScreentimeWganFixture : IDisposable
{
    public const int Steps = 1000;

    public ScreentimeWganFixture()
    {
        (Real, Metadata) = BundledData.Load("screentime.csv");
        var progress = new CollectingProgress();
        var settings = new SynthesizerSettings { Seed = 42, Epochs = Steps, Extra = new Dictionary<string, string> { ["progress-every"] = "100" } };
        Model = (FittedGan)SynthesizerRegistry.Default.Create("wgan-gp", settings).Fit(Real, Metadata, progress);
        Reports = progress.Reports;
        Synthetic = Model.Sample(5000);
    }

    public DataFrame Real { get; }
    public TableMetadata Metadata { get; }
    public FittedGan Model { get; }
    public IReadOnlyList<TrainingProgress> Reports { get; }
    public DataFrame Synthetic { get; }

    public void Dispose() => Model.Dispose();
}

/// <summary>The screen-time GAN with the WGAN-GP loss meets the GAN's statistical bar (within 15–20%).</summary>
public sealed class WassersteinGanTests(ScreentimeWganFixture wgan) : IClassFixture<ScreentimeWganFixture>
{
    [Theory]
    [InlineData("Usage (minutes)")]
    [InlineData("Notifications")]
    [InlineData("Times Opened")]
    public void Means_and_standard_deviations_are_within_20_percent(string column)
    {
        double[] real = Numbers(wgan.Real, column), synthetic = Numbers(wgan.Synthetic, column);

        AssertRelative(Mean(real), Mean(synthetic), 0.20, $"{column} mean");
        AssertRelative(Std(real), Std(synthetic), 0.20, $"{column} standard deviation");
    }

    [Fact]
    public void Notifications_and_times_opened_stay_strongly_correlated()
    {
        double real = Correlation(Numbers(wgan.Real, "Notifications"), Numbers(wgan.Real, "Times Opened"));
        double synthetic = Correlation(Numbers(wgan.Synthetic, "Notifications"), Numbers(wgan.Synthetic, "Times Opened"));

        Assert.True(Math.Abs(synthetic - real) <= 0.1, $"Notifications/Times Opened correlation: real {real:F3}, synthetic {synthetic:F3}");
    }

    [Fact]
    public void Apps_are_real_apps_near_their_real_frequencies()
    {
        Assert.Subset(Shares(wgan.Real, "App").Keys.ToHashSet(), Shares(wgan.Synthetic, "App").Keys.ToHashSet());
        Assert.True(TotalVariation(wgan.Real, wgan.Synthetic, "App") <= 0.1, $"App TV distance {TotalVariation(wgan.Real, wgan.Synthetic, "App"):F3}");
    }

    [Fact]
    public void It_is_registered_as_wgan_gp_with_gulrajanis_settings_and_reports_the_penalty()
    {
        Assert.Equal("wgan-gp", wgan.Model.ModelName);
        Assert.Equal(GanLoss.WganGp, wgan.Model.Options.Loss);
        Assert.Equal((5, 10.0, 1e-4, 0.5, 0.9), (wgan.Model.Options.CriticSteps, wgan.Model.Options.GradientPenalty, wgan.Model.Options.LearningRate, wgan.Model.Options.Beta1, wgan.Model.Options.Beta2));
        Assert.Equal(ScreentimeWganFixture.Steps / 100, wgan.Reports.Count);
        Assert.All(wgan.Reports, r => Assert.True(r.Losses["gradient_penalty"] >= 0 && double.IsFinite(r.Losses["discriminator"])));
    }

    [Fact]
    public void A_saved_wgan_loads_and_samples_the_same_rows()
    {
        using var file = new MemoryStream();
        wgan.Model.Save(file);
        file.Position = 0;
        using var loaded = (FittedGan)SynthesizerRegistry.Default.Load(file, wgan.Metadata);

        Assert.Equal("wgan-gp", loaded.ModelName);
        Assert.Equal(wgan.Model.Options, loaded.Options);
        var a = wgan.Model.Sample(100, seed: 5);
        var b = loaded.Sample(100, seed: 5);
        Assert.Equal(Numbers(a, "Usage (minutes)"), Numbers(b, "Usage (minutes)"));
    }
}
