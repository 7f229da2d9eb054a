using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Persistence;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;

namespace SynthCore.Tests.Neural;

/// <summary>Determinism, persistence, cancellation and option errors of the GAN, on short fits.</summary>
public sealed class GanBehaviourTests
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Screentime = BundledData.Load("screentime.csv");

    private static FittedGan Fit(int seed, int steps = 60, GanOptions? options = null) =>
        (FittedGan)new GanSynthesizer((options ?? new GanOptions()) with { Steps = steps, Seed = seed })
            .Fit(Screentime.Table, Screentime.Metadata);

    private static string Csv(DataFrame table)
    {
        using var dir = new Data.TempDirectory();
        string path = dir.PathOf("rows.csv");
        CsvTable.Write(table, path);
        return File.ReadAllText(path);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        // Disturb libtorch's process-wide generator between the fits: only the fit's own seed may matter.
        TorchSharp.torch.manual_seed(1);
        using var first = Fit(seed: 7);
        TorchSharp.torch.manual_seed(2);
        using var second = Fit(seed: 7);
        using var other = Fit(seed: 8);

        string rows = Csv(first.Sample(200));
        Assert.Equal(rows, Csv(second.Sample(200)));
        Assert.NotEqual(rows, Csv(other.Sample(200)));
        Assert.Equal(rows, Csv(first.Sample(200)));
        Assert.NotEqual(rows, Csv(first.Sample(200, seed: 99)));
    }

    [Fact]
    public void A_saved_model_loads_through_the_registry_and_samples_the_same_rows()
    {
        using var model = Fit(seed: 3);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;

        var loaded = SynthesizerRegistry.Default.Load(file, Screentime.Metadata);

        Assert.Equal("gan", loaded.ModelName);
        Assert.Equal(model.Options, ((FittedGan)loaded).Options);
        Assert.Equal(Csv(model.Sample(150, seed: 11)), Csv(loaded.Sample(150, seed: 11)));
        ((IDisposable)loaded).Dispose();
    }

    [Fact]
    public void Loading_for_another_table_or_a_damaged_file_fails_clearly()
    {
        using var model = Fit(seed: 3, steps: 5);
        using var file = new MemoryStream();
        model.Save(file);
        byte[] bytes = file.ToArray();

        var penguins = BundledData.Load("penguins.csv").Metadata;
        var otherTable = Assert.Throws<SynthException>(() => SynthesizerRegistry.Default.Load(new MemoryStream(bytes), penguins));
        Assert.Contains("another table", otherTable.Message);

        bytes[bytes.Length / 2] ^= 0x55;
        var damaged = Assert.Throws<SynthException>(() => SynthesizerRegistry.Default.Load(new MemoryStream(bytes)));
        Assert.Contains("altered", damaged.Message);
    }

    [Fact]
    public void A_model_file_of_another_format_version_is_refused_with_both_versions_named()
    {
        using var model = Fit(seed: 3, steps: 5);
        using var file = new MemoryStream();
        model.Save(file);
        byte[] bytes = file.ToArray();
        BitConverter.GetBytes(ModelFile.FormatVersion + 1).CopyTo(bytes, 8);

        var e = Assert.Throws<SynthException>(() => SynthesizerRegistry.Default.Load(new MemoryStream(bytes)));
        Assert.Contains($"format version {ModelFile.FormatVersion + 1}", e.Message);
        Assert.Contains($"reads version {ModelFile.FormatVersion}", e.Message);
    }

    [Fact]
    public void Cancelling_stops_training_between_steps()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new CollectingProgress { OnReport = _ => cancel.Cancel() };
        var gan = new GanSynthesizer(new GanOptions { Steps = 10_000, ProgressEvery = 10 });

        Assert.ThrowsAny<OperationCanceledException>(() => gan.Fit(Screentime.Table, Screentime.Metadata, progress, cancel.Token));
        Assert.Single(progress.Reports);
        Assert.Equal(10, progress.Reports[0].Step);
    }

    [Fact]
    public void Divergence_at_the_first_step_stops_with_a_clear_message_and_nothing_to_keep()
    {
        var gan = new GanSynthesizer(new GanOptions { Steps = 200, LearningRate = 1e12 });

        var e = Assert.Throws<SynthCore.Synthesizers.TrainingDivergedException>(() => gan.Fit(Screentime.Table, Screentime.Metadata));

        Assert.Equal(1, e.Step);
        Assert.Contains("diverged at step 1 of 200", e.Message);
        Assert.Contains("--learning-rate (now 1000000000000)", e.Message);
        Assert.Null(e.LastGood);
    }

    [Fact]
    public void Divergence_later_keeps_the_model_as_it_was_before_the_bad_step()
    {
        // 10,000 rows of which one is NaN: a batch draws it after some tens of good steps, and the
        // discriminator's loss turns NaN before any update is applied.
        const int rows = 10_000;
        var random = new Random(3);
        var data = new float[rows * 2];
        for (int i = 0; i < data.Length; i++) data[i] = (float)random.NextDouble();
        data[2 * 4321] = float.NaN;
        var spans = new[] { new SynthCore.Transforms.OutputSpan("x", 0, 1, SynthCore.Transforms.OutputActivation.Sigmoid), new SynthCore.Transforms.OutputSpan("y", 1, 1, SynthCore.Transforms.OutputActivation.Sigmoid) };

        var e = Assert.Throws<SynthCore.Synthesizers.TrainingDivergedException>(() =>
            GanTrainer.Train(data, rows, spans, new GanOptions { Steps = 5000 }, null, null, default, g => new WrappedGenerator(g)));

        Assert.InRange(e.Step, 2, 5000);
        Assert.Contains("the discriminator loss became NaN", e.Message);
        Assert.Contains($"the model as of step {e.Step - 1} is kept", e.Message);
        var kept = Assert.IsType<WrappedGenerator>(e.LastGood);
        Assert.All(kept.Generator.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));
        kept.Generator.Dispose();
    }

    private sealed class WrappedGenerator(GanGenerator generator) : IFittedSynthesizer
    {
        public GanGenerator Generator { get; } = generator;
        public string ModelName => "gan";
        public int Seed => 0;
        public TableMetadata Metadata => throw new NotSupportedException();
        public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null) => throw new NotSupportedException();
        public void Save(Stream stream) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("latent-dim", "0")]
    [InlineData("pac", "3")]
    [InlineData("beta1", "1.5")]
    [InlineData("real-label", "0.2")]
    public void Bad_options_name_the_option(string option, string value)
    {
        var settings = new SynthesizerSettings { Extra = new Dictionary<string, string> { [option] = value } };

        var e = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("gan", settings));
        Assert.Equal(option, e.Option);
    }

    [Fact]
    public void Unknown_extra_options_and_common_settings_out_of_range_are_refused()
    {
        var unknown = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("gan",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["dropout"] = "0.5" } }));
        Assert.Contains("latent-dim", unknown.Message);

        Assert.Equal("steps", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("gan", new SynthesizerSettings { Epochs = 0 })).Option);
        Assert.Equal("batch-size", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("gan", new SynthesizerSettings { BatchSize = 1 })).Option);
        Assert.Equal("learning-rate", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("gan", new SynthesizerSettings { LearningRate = -1 })).Option);
    }

    [Theory]
    [InlineData("tpu", "unknown device")]
    [InlineData("cuda", "CUDA is not available")]
    public void Devices_that_do_not_exist_here_are_refused_before_training(string device, string message)
    {
        var e = Assert.Throws<SynthOptionException>(() => new GanSynthesizer(new GanOptions { Device = device }));
        Assert.Equal("device", e.Option);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Settings_map_onto_the_gan_options()
    {
        var options = GanRegistration.OptionsFrom(new SynthesizerSettings
        {
            Seed = 5, Epochs = 300, BatchSize = 64, LearningRate = 1e-3,
            Extra = new Dictionary<string, string> { ["latent-dim"] = "32", ["pac"] = "8" },
        });

        Assert.Equal(new GanOptions { Seed = 5, Steps = 300, BatchSize = 64, LearningRate = 1e-3, LatentDim = 32, Pac = 8 }, options);
    }

    [Fact]
    public void Conditions_too_rare_to_meet_fail_saying_how_many_rows_were_found()
    {
        using var model = Fit(seed: 3, steps: 5);
        var impossible = new SampleConditions([new RangeCondition("Usage (minutes)", 500, 600)]);

        var e = Assert.Throws<SynthException>(() => model.Sample(10, impossible));
        Assert.Matches(@"Only 0 of [\d,]+ generated rows met the conditions", e.Message);
    }

    [Fact]
    public void Tables_the_gan_cannot_learn_are_refused_by_name()
    {
        var empty = Screentime.Table.Head(0);
        Assert.Throws<SynthException>(() => new GanSynthesizer(new GanOptions { Steps = 1 }).Fit(empty, Screentime.Metadata));
        using var model = Fit(seed: 1, steps: 2);
        Assert.Equal("rows", Assert.Throws<SynthOptionException>(() => model.Sample(0)).Option);
        Assert.Throws<SynthColumnException>(() => model.Sample(5, new SampleConditions([new EqualsCondition("Nope", 1.0)])));
    }
}
