using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Tests.Neural;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

/// <summary>
/// What DP-trained CTGAN and TVAE with moderate noise must still reproduce of the penguins, with the
/// tolerances their seed sweeps calibrated (the range each took over seeds 1–10 is in the comments;
/// rerun with <see cref="SeedSweep"/>'s command after changing DP-SGD or the models). A seed seeds the
/// fit (its Poisson batches and noise) and the sample.
/// </summary>
public static class DpNeuralChecks
{
    public static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledData.Load("penguins.csv");

    /// <summary>30 epochs at σ 0.8: 180 critic updates at q = 50 / 344, ε ≈ 24 at δ 1e-5 (a utility check, not a recommended budget).</summary>
    public static readonly CtganOptions Ctgan = new()
    {
        Epochs = 30, BatchSize = 50, Pac = 1, EmbeddingDim = 32, GeneratorDims = [64, 64], DiscriminatorDims = [64, 64],
        DpNoiseMultiplier = 0.8, Seed = 3,
    };

    /// <summary>σ = 1, 10 epochs of batch 64 (60 steps, ε ≈ 11.6 at δ = 1e-5).</summary>
    public static readonly TvaeOptions Tvae = new()
    {
        EncodingDim = 16, HiddenLayers = [64, 64], Epochs = 10, BatchSize = 64, LearningRate = 5e-3, Seed = 5, DpNoiseMultiplier = 1.0,
    };

    /// <summary>DP CTGAN: categories real and at roughly their shares, numbers inside the real range.</summary>
    public static IReadOnlyList<StatisticalCheck> DpCtgan(int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        using var model = new CtganSynthesizer(Ctgan with { Seed = fitSeed }).FitCtgan(Penguins.Table, Penguins.Metadata);
        var synthetic = model.Sample(2000, seed: sampleSeed);
        output?.WriteLine($"ε = {model.DifferentialPrivacy!.Value.Epsilon:F2}");
        Assert.Equal(2000, synthetic.Rows.Count);
        var checks = new List<StatisticalCheck>();
        foreach (var column in new[] { "Species", "Island", "Sex" })
        {
            var real = ColumnStatistics.Shares(Penguins.Table, column);
            Assert.All(ColumnStatistics.Shares(synthetic, column).Keys, v => Assert.Contains(v, real.Keys));
            // Noisy counts (σ 5·√7 on counts of 11–170) and a short noisy training of small networks: a loose bound.
            // For scale: the same small CTGAN without DP (lr 1e-3) gives 0.22 / 0.02 / 0.16 at seed 3, so the
            // sexes are this small model's weak spot with or without DP: Sex was held to 0.15 too, which seed 6 broke.
            // seeds 1–10: Species 0.010 … 0.095, Island 0.029 … 0.124, Sex 0.065 … 0.191
            checks.Add(StatisticalCheck.AtMost($"{column} TV", ColumnStatistics.TotalVariation(Penguins.Table, synthetic, column), column == "Sex" ? 0.22 : 0.15));
        }
        foreach (var column in new[] { "Beak Length (mm)", "Flipper Length (mm)", "Body Mass (g)" })
        {
            double[] real = ColumnStatistics.Numbers(Penguins.Table, column), fake = ColumnStatistics.Numbers(synthetic, column);
            Assert.All(fake, v => Assert.InRange(v, real.Min(), real.Max()));
            output?.WriteLine($"{column}: mean {ColumnStatistics.Mean(real):F1} / {ColumnStatistics.Mean(fake):F1}, KS {ColumnStatistics.KolmogorovSmirnov(real, fake):F3}");
        }
        return checks;
    }

    /// <summary>DP TVAE: categories real and near their shares (Sex the weakest: the noise blurs the sexes), numbers close.</summary>
    public static IReadOnlyList<StatisticalCheck> DpTvae(int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        using var model = new TvaeSynthesizer(Tvae with { Seed = fitSeed }).FitTvae(Penguins.Table, Penguins.Metadata);
        var synthetic = model.Sample(3000, seed: sampleSeed);
        output?.WriteLine($"ε = {model.DifferentialPrivacy!.Epsilon:F2} (δ = 1e-5, {model.DifferentialPrivacy.Steps} steps)");
        var checks = new List<StatisticalCheck>();
        // Sex is the weakest at every seed (the noise blurs the sexes): never below 0.15.
        // seeds 1–10: Species 0.039 … 0.099, Island 0.039 … 0.148, Sex 0.153 … 0.225
        foreach (var (column, tolerance) in new[] { ("Species", 0.2), ("Island", 0.2), ("Sex", 0.35) })
        {
            checks.Add(StatisticalCheck.AtMost($"{column} TV", ColumnStatistics.TotalVariation(Penguins.Table, synthetic, column), tolerance));
            var seen = ((StringDataFrameColumn)Penguins.Table[column]).ToHashSet();
            Assert.All((StringDataFrameColumn)synthetic[column], v => Assert.Contains(v, seen));
        }
        // seeds 1–10: beak length 0.050 … 0.128, depth 0.046 … 0.144, flipper 0.026 … 0.085, mass 0.057 … 0.113
        foreach (string column in new[] { "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)" })
        {
            var real = ColumnStatistics.Numbers(Penguins.Table, column);
            var values = ColumnStatistics.Numbers(synthetic, column);
            checks.Add(StatisticalCheck.AtMost($"{column} KS", ColumnStatistics.KolmogorovSmirnov(real, values), 0.25));
            Assert.All(values, v => Assert.InRange(v, real.Min(), real.Max()));
        }
        return checks;
    }
}

/// <summary>DP CTGAN's checks at seeds 1–10 (slow: a 30-epoch DP fit per seed, ~6 s).</summary>
[Collection(TorchSerialCollection.Name)]
public sealed class DpCtganSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed => DpNeuralChecks.DpCtgan(seed, 100 + seed), output.WriteLine);
}

/// <summary>DP TVAE's checks at seeds 1–10 (slow: a 10-epoch DP fit per seed, ~6 s).</summary>
[Collection(TorchSerialCollection.Name)]
public sealed class DpTvaeSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed => DpNeuralChecks.DpTvae(seed, 100 + seed), output.WriteLine);
}
