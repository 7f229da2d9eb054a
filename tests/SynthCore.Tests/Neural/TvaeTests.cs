using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>One TVAE trained on data/penguins.csv with the paper's networks, short and seeded.</summary>
public sealed class PenguinsTvaeFixture : IDisposable
{
    public static readonly TvaeOptions Options = new() { Epochs = 150, BatchSize = 50, Seed = 42 };

    public PenguinsTvaeFixture() : this(Options.Seed) { }

    /// <summary>The same fit at another seed (<see cref="PenguinsTvaeSweep"/>).</summary>
    internal PenguinsTvaeFixture(int seed)
    {
        (Real, Metadata) = BundledData.Load("penguins.csv");
        var progress = new CollectingProgress();
        Model = new TvaeSynthesizer(Options with { Seed = seed }).FitTvae(Real, Metadata, progress);
        Reports = progress.Reports;
        Synthetic = Model.Sample(3000);
    }

    public DataFrame Real { get; }
    public TableMetadata Metadata { get; }
    public FittedTvae Model { get; }
    public IReadOnlyList<SynthCore.Training.TrainingProgress> Reports { get; }
    public DataFrame Synthetic { get; }

    public void Dispose() => Model.Dispose();
}

/// <summary>TVAE and the VAE: marginals, categories, missing rates, losses reported, latent codes, interpolation, persistence.</summary>
public sealed class TvaeTests(PenguinsTvaeFixture tvae, ITestOutputHelper output) : IClassFixture<PenguinsTvaeFixture>
{
    [Fact]
    public void Marginals_categories_and_missing_rates_are_within_the_swept_tolerances()
    {
        var checks = PenguinsMarginals.Measure(tvae.Real, tvae.Synthetic).ToArray();
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    /// <summary>
    /// A sampled rate's standard error: the sample's own (n rows) plus the calibration's, whose offset
    /// makes the mean over <see cref="MissingValueSampling.CalibrationCodes"/> prior codes exact.
    /// Four of them is the tolerance.
    /// </summary>
    internal static double MissingTolerance(double rate, int rows) =>
        4 * Math.Sqrt(rate * (1 - rate) * (1.0 / rows + 1.0 / MissingValueSampling.CalibrationCodes));

    [Fact]
    public void Missing_values_are_sampled_at_the_training_rates_and_together()
    {
        const int rows = 20_000;
        var synthetic = tvae.Model.Sample(rows, seed: 11);
        foreach (var c in BundledData.PenguinNumbers.Append("Sex"))
        {
            double real = MissingRate(tvae.Real, c), rate = MissingRate(synthetic, c), tolerance = MissingTolerance(real, rows);
            output.WriteLine($"{c}: missing {real:P2} real, {rate:P2} synthetic (± {tolerance:P2})");
            Assert.Equal(real, tvae.Model.MissingRates[c], 12);
            Assert.InRange(rate, real - tolerance, real + tolerance);
        }
        // In the real table the same two penguins lack every measurement. The decoder's log-odds tie
        // the synthetic gaps together (measured: 9.8% of rows missing the beak length also miss the
        // body mass), far above the body mass's own rate, which independent gaps would share.
        var beak = synthetic["Beak Length (mm)"];
        var mass = synthetic["Body Mass (g)"];
        int both = Enumerable.Range(0, rows).Count(r => beak[r] is null && mass[r] is null);
        double shared = both / (double)beak.NullCount, independent = MissingRate(synthetic, "Body Mass (g)");
        output.WriteLine($"rows missing the beak length that also miss the body mass: {shared:P1} (independent: {independent:P1})");
        Assert.True(shared > 5 * independent, $"shared gaps {shared:P1}");
    }

    [Fact]
    public void The_vae_samples_missing_values_at_the_training_rates()
    {
        using var vae = new TvaeSynthesizer(TvaeOptions.VaeDefaults with { Epochs = 60, Seed = 3 }).FitTvae(tvae.Real, tvae.Metadata);
        const int rows = 20_000;
        var synthetic = vae.Sample(rows, seed: 5);
        foreach (var c in BundledData.PenguinNumbers.Append("Sex"))
        {
            double real = MissingRate(tvae.Real, c), rate = MissingRate(synthetic, c), tolerance = MissingTolerance(real, rows);
            output.WriteLine($"VAE {c}: missing {real:P2} real, {rate:P2} synthetic (± {tolerance:P2})");
            Assert.InRange(rate, real - tolerance, real + tolerance);
        }
    }

    [Fact]
    public void Reconstruction_loss_and_kl_divergence_are_reported_every_epoch_and_reconstruction_falls()
    {
        var epochs = tvae.Reports.Where(r => r.Phase == "train").ToArray();
        Assert.Equal(Enumerable.Range(1, PenguinsTvaeFixture.Options.Epochs), epochs.Select(r => r.Step));
        Assert.All(epochs, r => Assert.True(double.IsFinite(r.Losses["reconstruction"]) && r.Losses["kl_divergence"] >= 0));
        output.WriteLine($"reconstruction {epochs[0].Losses["reconstruction"]:F2} → {epochs[^1].Losses["reconstruction"]:F2}, KL {epochs[0].Losses["kl_divergence"]:F2} → {epochs[^1].Losses["kl_divergence"]:F2}");
        Assert.True(epochs[^1].Losses["reconstruction"] < epochs[0].Losses["reconstruction"] - 1);
    }

    [Fact]
    public void The_encoder_separates_species_and_interpolation_walks_between_two_rows()
    {
        var codes = tvae.Model.Encode(tvae.Real);
        Assert.Equal((344, 128), (codes.GetLength(0), codes.GetLength(1)));

        // Row 0 is an Adelie (3750 g); walk to the first Gentoo (4500 g): the ends decode to their species.
        var species = ((StringDataFrameColumn)tvae.Real["Species"]).ToArray();
        int gentoo = Array.IndexOf(species, "Gentoo");
        Assert.Equal("Adelie", species[0]);
        var path = tvae.Model.Interpolate(tvae.Real, 0, gentoo, steps: 9);
        var pathSpecies = ((StringDataFrameColumn)path["Species"]).ToArray();
        var mass = Numbers(path, "Body Mass (g)");
        output.WriteLine(string.Join(" → ", pathSpecies.Zip(mass, (s, m) => $"{s} {m:F0}")));
        Assert.Equal(9, path.Rows.Count);
        Assert.Equal("Adelie", pathSpecies[0]);
        Assert.Equal("Gentoo", pathSpecies[^1]);
        // The body mass gained along the path is not asserted at one seed: seeds 1–60 give −110 … 1,785 g,
        // 56 of them over 400 g (docs/seed-sweeps.md); this fixture's seed, 42, gives about −9 g.
    }

    [Fact]
    public void A_saved_model_loads_and_samples_the_same_rows()
    {
        using var file = new MemoryStream();
        tvae.Model.Save(file);
        file.Position = 0;
        using var loaded = (FittedTvae)SynthesizerRegistry.Default.Load(file, tvae.Metadata);

        Assert.Equal("tvae", loaded.ModelName);
        Assert.Equal(tvae.Model.Options, loaded.Options);
        Assert.Equal(CtganTests.Csv(tvae.Model.Sample(100, seed: 4)), CtganTests.Csv(loaded.Sample(100, seed: 4)));
    }

    [Fact]
    public void A_model_saved_before_missing_rates_were_stored_loads_with_the_metadatas_rates()
    {
        using var file = new MemoryStream();
        tvae.Model.Save(file);
        file.Position = 0;
        var content = SynthCore.Persistence.ModelFile.Read(file);
        // Rewrite the payload as the first layout wrote it: tag, layout, networks (no rates, no DP record).
        using var reader = new BinaryReader(new MemoryStream(content.Payload));
        Assert.Equal("tvae-payload/2", reader.ReadString());
        string layout = reader.ReadString();
        reader.ReadString();
        byte[] networks = reader.ReadBytes(content.Payload.Length);
        using var old = new MemoryStream();
        using (var writer = new BinaryWriter(old, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("tvae-payload/1");
            writer.Write(layout);
            writer.Write(networks);
        }
        using var oldFile = new MemoryStream();
        SynthCore.Persistence.ModelFile.Write(oldFile, new SynthCore.Persistence.ModelFileHeader(content.Header.Model, content.Header.Metadata, content.Header.Options, content.Header.LibraryVersion, content.Header.CreatedUtc), old.ToArray());
        oldFile.Position = 0;

        using var loaded = (FittedTvae)SynthesizerRegistry.Default.Load(oldFile);
        Assert.Equal(tvae.Model.MissingRates, loaded.MissingRates);
        Assert.Equal(CtganTests.Csv(tvae.Model.Sample(100, seed: 4)), CtganTests.Csv(loaded.Sample(100, seed: 4)));
    }

    private static SynthesizerSettings VaeSettings(int seed) => new()
    {
        Seed = seed, Epochs = 300, BatchSize = 32,
        Extra = new Dictionary<string, string> { ["encoding_dim"] = "4", ["hidden_layers"] = "64,32" },
    };

    /// <summary>The toolkit's VAE on screen-time: App shares and the usage mean (seeds 1–10: TV 0.049 … 0.088, usage 0.002 … 0.086).</summary>
    internal static IReadOnlyList<StatisticalCheck> MeasureVae(int seed)
    {
        var (table, metadata) = BundledData.Load("screentime.csv");
        using var model = ((TvaeSynthesizer)SynthesizerRegistry.Default.Create("vae", VaeSettings(seed))).FitTvae(table, metadata);
        return VaeChecks(model, table);
    }

    private static IReadOnlyList<StatisticalCheck> VaeChecks(FittedTvae model, DataFrame table)
    {
        var synthetic = model.Sample(2000);
        double usage = Mean(Numbers(synthetic, "Usage (minutes)")), realUsage = Mean(Numbers(table, "Usage (minutes)"));
        return
        [
            StatisticalCheck.AtMost("App total variation", TotalVariation(table, synthetic, "App"), 0.12),
            StatisticalCheck.AtMost("Usage mean, relative error", Math.Abs(usage - realUsage) / realUsage, 0.13),
        ];
    }

    [Fact]
    public void The_vae_takes_the_toolkit_parameters_and_samples_screentime()
    {
        var vae = (TvaeSynthesizer)SynthesizerRegistry.Default.Create("vae", VaeSettings(1));
        Assert.Equal((4, 300, 32), (vae.Options.EncodingDim, vae.Options.Epochs, vae.Options.BatchSize));
        Assert.Equal([64, 32], vae.Options.HiddenLayers);
        var (table, metadata) = BundledData.Load("screentime.csv");
        using var model = vae.FitTvae(table, metadata);
        Assert.Equal("vae", model.ModelName);
        Assert.Equal(4, model.Encode(table).GetLength(1));

        var checks = VaeChecks(model, table);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        Assert.Equal("hidden_layers", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("vae",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["hidden_layers"] = "64,x" } })).Option);
        Assert.Equal("encoding-dim", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("tvae",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["encoding-dim"] = "0" } })).Option);
        Assert.Equal("steps", Assert.Throws<SynthOptionException>(() => tvae.Model.Interpolate(tvae.Real, 0, 1, steps: 1)).Option);
        Assert.Equal("to", Assert.Throws<SynthOptionException>(() => tvae.Model.Interpolate(tvae.Real, 0, 999)).Option);
    }
}

/// <summary>The penguins TVAE's marginal checks at seeds 1–10 (slow: a 150-epoch fit per seed).</summary>
public sealed class PenguinsTvaeSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed =>
    {
        using var fit = new PenguinsTvaeFixture(seed);
        return PenguinsMarginals.Measure(fit.Real, fit.Synthetic).ToArray();
    }, output.WriteLine);
}

/// <summary>The toolkit VAE's checks at seeds 1–10 (a 300-epoch fit on 200 rows per seed).</summary>
public sealed class ScreentimeVaeSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(TvaeTests.MeasureVae, output.WriteLine);
}
