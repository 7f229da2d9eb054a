using System.Diagnostics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Training;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>One CTGAN trained on data/penguins.csv (missing values in every column but Species and Island), short and seeded.</summary>
public sealed class PenguinsCtganFixture : IDisposable
{
    // The paper's networks and loss, shortened for a 344-row table: 900 steps of 100 rows at a
    // larger learning rate, and packs of 2 (packs of 10 leave the critic 10 packs per batch, too
    // few to learn row-level relations such as flipper length vs body mass in so few steps).
    public static readonly CtganOptions Options = new() { Epochs = 300, BatchSize = 100, Pac = 2, GeneratorLearningRate = 5e-4, DiscriminatorLearningRate = 5e-4, Seed = 42 };

    public PenguinsCtganFixture()
    {
        (Real, Metadata) = BundledData.Load("penguins.csv");
        var progress = new CollectingProgress();
        var clock = Stopwatch.StartNew();
        Model = new CtganSynthesizer(Options).FitCtgan(Real, Metadata, progress);
        FitTime = clock.Elapsed;
        Reports = progress.Reports;
        Synthetic = Model.Sample(3000);
    }

    public DataFrame Real { get; }
    public TableMetadata Metadata { get; }
    public FittedCtgan Model { get; }
    public TimeSpan FitTime { get; }
    public IReadOnlyList<TrainingProgress> Reports { get; }
    public DataFrame Synthetic { get; }

    public void Dispose() => Model.Dispose();
}

/// <summary>CTGAN on penguins: marginals, category sets, missing rates, correlations, conditional sampling, persistence.</summary>
public sealed class CtganTests(PenguinsCtganFixture ctgan, ITestOutputHelper output) : IClassFixture<PenguinsCtganFixture>
{
    private static readonly string[] Numeric = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];
    private static readonly string[] Categorical = ["Species", "Island", "Sex"];

    [Fact]
    public void Continuous_marginals_are_close_by_kolmogorov_smirnov()
    {
        output.WriteLine($"fit {ctgan.FitTime.TotalSeconds:F1} s (transform {ctgan.Model.TransformFitTime.TotalSeconds:F2} s)");
        // A 900-step fit: every column's KS complement (SDMetrics' KSComplement) at least 0.75, their mean at least 0.8.
        var ks = Numeric.ToDictionary(c => c, c => KolmogorovSmirnov(Numbers(ctgan.Real, c), Numbers(ctgan.Synthetic, c)));
        foreach (var (column, d) in ks)
            output.WriteLine($"{column}: KS {d:F3}, mean {Mean(Numbers(ctgan.Real, column)):F1} / {Mean(Numbers(ctgan.Synthetic, column)):F1}");
        Assert.All(ks, p => Assert.True(p.Value <= 0.25, $"{p.Key}: KS {p.Value:F3}"));
        Assert.True(ks.Values.Average() <= 0.2, $"mean KS {ks.Values.Average():F3}");
    }

    [Fact]
    public void Categories_are_the_real_ones_at_close_frequencies()
    {
        foreach (var column in Categorical)
        {
            double tv = TotalVariation(ctgan.Real, ctgan.Synthetic, column);
            output.WriteLine($"{column}: TV {tv:F3}");
            Assert.Equal(Shares(ctgan.Real, column).Keys.Order(), Shares(ctgan.Synthetic, column).Keys.Order());
            // Measured on this 900-step fit: Species 0.06, Island 0.07, Sex 0.11 (TVComplement ≥ 0.85).
            Assert.True(tv <= 0.15, $"{column}: TV {tv:F3}");
        }
    }

    [Fact]
    public void Missing_values_appear_at_the_real_rates()
    {
        foreach (var column in Numeric.Append("Sex"))
        {
            double real = MissingRate(ctgan.Real, column), synthetic = MissingRate(ctgan.Synthetic, column);
            output.WriteLine($"{column}: missing {real:P1} real, {synthetic:P1} synthetic");
            Assert.InRange(synthetic, Math.Max(0, real - 0.03), real + 0.03);
        }
        Assert.True(MissingRate(ctgan.Synthetic, "Sex") > 0, "Sex is missing in 3% of real rows; some synthetic rows should be too.");
    }

    [Fact]
    public void Flipper_length_and_body_mass_stay_correlated()
    {
        double real = PairCorrelation(ctgan.Real), synthetic = PairCorrelation(ctgan.Synthetic);
        output.WriteLine($"flipper/body mass correlation: real {real:F3}, synthetic {synthetic:F3}");
        Assert.True(Math.Abs(real - synthetic) <= 0.15, $"real {real:F3}, synthetic {synthetic:F3}");
    }

    private static double PairCorrelation(DataFrame table)
    {
        var pairs = Enumerable.Range(0, (int)table.Rows.Count)
            .Select(r => (table["Flipper Length (mm)"][r], table["Body Mass (g)"][r]))
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (Convert.ToDouble(p.Item1), Convert.ToDouble(p.Item2))).ToArray();
        return Correlation(pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
    }

    [Fact]
    public void Conditional_sampling_on_species_gives_that_species_with_its_body_mass()
    {
        var gentoo = ctgan.Model.Sample(400, new SampleConditions([new EqualsCondition("Species", "Gentoo")]), seed: 5);
        var adelie = ctgan.Model.Sample(400, new SampleConditions([new EqualsCondition("Species", "Adelie")]), seed: 5);

        Assert.All(((StringDataFrameColumn)gentoo["Species"]).ToArray(), s => Assert.Equal("Gentoo", s));
        Assert.All(((StringDataFrameColumn)adelie["Species"]).ToArray(), s => Assert.Equal("Adelie", s));
        double gentooMass = Mean(Numbers(gentoo, "Body Mass (g)")), adelieMass = Mean(Numbers(adelie, "Body Mass (g)"));
        output.WriteLine($"body mass: Gentoo {gentooMass:F0} (real ~5076), Adelie {adelieMass:F0} (real ~3701)");
        // Real: Gentoo ~5076 g, Adelie ~3701 g, overall ~4202 g.
        Assert.True(gentooMass > 4500 && adelieMass < 4100, $"Gentoo {gentooMass:F0}, Adelie {adelieMass:F0}");
    }

    [Fact]
    public void Progress_is_reported_every_epoch_after_the_transform()
    {
        Assert.Equal("transform", ctgan.Reports[0].Phase);
        var epochs = ctgan.Reports.Skip(1).ToArray();
        Assert.Equal(Enumerable.Range(1, PenguinsCtganFixture.Options.Epochs), epochs.Select(r => r.Step));
        Assert.All(epochs, r => Assert.True(double.IsFinite(r.Losses["generator"]) && double.IsFinite(r.Losses["discriminator"]) && r.Losses["gradient_penalty"] >= 0));
        Assert.Equal(TimeSpan.Zero, epochs[^1].EstimatedRemaining);
    }

    [Fact]
    public void A_saved_model_loads_through_the_registry_and_samples_the_same_rows()
    {
        using var file = new MemoryStream();
        ctgan.Model.Save(file);
        file.Position = 0;
        using var loaded = (FittedCtgan)SynthesizerRegistry.Default.Load(file, ctgan.Metadata);

        Assert.Equal(ctgan.Model.Options, loaded.Options);
        Assert.Equal(Csv(ctgan.Model.Sample(200, seed: 9)), Csv(loaded.Sample(200, seed: 9)));
        var condition = new SampleConditions([new EqualsCondition("Island", "Dream")]);
        Assert.Equal(Csv(ctgan.Model.Sample(50, condition, seed: 9)), Csv(loaded.Sample(50, condition, seed: 9)));
    }

    internal static string Csv(DataFrame table)
    {
        using var dir = new Data.TempDirectory();
        string path = dir.PathOf("rows.csv");
        CsvTable.Write(table, path);
        return File.ReadAllText(path);
    }
}
