using SynthCore.Data.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using SynthCore.Training;

namespace SynthCore.Tests.TimeSeries;

/// <summary>TimeGAN mechanics on a small Sines set with small networks and few iterations (seconds, not minutes).</summary>
public class TimeGanTests
{
    private static readonly SequenceData Sines = TimeGanChecks.Sines(seed: 5);

    private static TimeGanOptions Small(int iterations = 20, int seed = 1) => TimeGanChecks.Small(iterations, seed);

    [Fact]
    public void Trains_the_three_phases_in_order_and_samples_sequences_in_the_data_range()
    {
        var (fitted, reports) = TimeGanChecks.Fit(Sines, seed: 1);
        using var model = fitted;

        Assert.Equal(["autoencoder", "supervisor", "joint"], reports.Select(r => r.Phase).Distinct());
        Assert.All(reports.GroupBy(r => r.Phase), g => Assert.Equal(Enumerable.Range(1, 25), g.Select(r => r.Step)));
        Assert.Contains("discriminator", reports.Last().Losses.Keys);
        Assert.Equal(TimeSpan.Zero, reports.Last().EstimatedRemaining);
        StatisticalCheck.AssertAll(TimeGanChecks.Measure(reports));

        var sequences = model.SampleSequences(50, seed: 3);
        Assert.Equal(50, sequences.Length);
        Assert.All(sequences, s => { Assert.Equal(12, s.Length); Assert.All(s, step => Assert.Equal(3, step.Length)); });
        for (int f = 0; f < 3; f++)
        {
            double min = Sines.Scaler.Min[f], max = Sines.Scaler.Max[f];
            Assert.All(sequences.SelectMany(s => s), step => Assert.InRange(step[f], min - 1e-6, max + 1e-6));
        }

        var table = model.Sample(4);
        Assert.Equal(["sequence_id", "step", "f0", "f1", "f2"], table.Columns.Select(c => c.Name));
        Assert.Equal(48, table.Rows.Count);
        Assert.Equal(3, table.Columns["sequence_id"][47]);
        Assert.Equal(11, table.Columns["step"][47]);
    }

    [Fact]
    public void Same_seed_same_model_and_saved_models_sample_the_same()
    {
        using var a = new TimeGanSynthesizer(Small(5)).Fit(Sines);
        using var b = new TimeGanSynthesizer(Small(5)).Fit(Sines);
        Assert.Equal(a.SampleSequences(10, 7), b.SampleSequences(10, 7));
        Assert.NotEqual(a.SampleSequences(10, 7), a.SampleSequences(10, 8));

        using var file = new MemoryStream();
        a.Save(file);
        file.Position = 0;
        var loaded = Assert.IsType<FittedTimeGan>(SynthesizerRegistry.Default.Load(file));
        using (loaded)
        {
            Assert.Equal(a.SampleSequences(10, 7), loaded.SampleSequences(10, 7));
            Assert.Equal(a.FeatureNames, loaded.FeatureNames);
        }
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new TimeGanSynthesizer(Small()).Fit(Sines, null, cancel.Token));
        var progress = new Progress<TrainingProgress>();
        using var midway = new CancellationTokenSource();
        var reporter = new CancelAfter(midway, 2);
        Assert.ThrowsAny<OperationCanceledException>(() => new TimeGanSynthesizer(Small()).Fit(Sines, reporter, midway.Token));
        Assert.Equal(2, reporter.Seen);
    }

    private sealed class CancelAfter(CancellationTokenSource source, int reports) : IProgress<TrainingProgress>
    {
        public int Seen { get; private set; }
        public void Report(TrainingProgress value)
        {
            if (++Seen == reports) source.Cancel();
        }
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        Assert.Equal("hidden-dim", Assert.Throws<SynthOptionException>(() => new TimeGanSynthesizer(new TimeGanOptions { HiddenDim = 0 })).Option);
        Assert.Equal("seq-len", Assert.Throws<SynthOptionException>(() => new TimeGanSynthesizer(new TimeGanOptions { Data = new() { SequenceLength = 1 } })).Option);
        var settings = new SynthesizerSettings { Extra = new Dictionary<string, string> { ["latent-dim"] = "3" } };
        var e = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("timegan", settings));
        Assert.Contains("hidden-dim", e.Message);
        Assert.Contains("seq-len", e.Message);
        var made = (TimeGanSynthesizer)SynthesizerRegistry.Default.Create("timegan", new SynthesizerSettings
        {
            Epochs = 7, Extra = new Dictionary<string, string> { ["seq-len"] = "10", ["hidden-dim"] = "5" },
        });
        Assert.Equal((7, 10, 5), (made.Options.Iterations, made.Options.Data.SequenceLength, made.Options.HiddenDim));
    }

    [Fact]
    public void Conditions_are_refused()
    {
        using var model = new TimeGanSynthesizer(Small(2)).Fit(Sines);
        var e = Assert.Throws<SynthOptionException>(() => model.Sample(2, new SampleConditions([new EqualsCondition("f0", 1.0)])));
        Assert.Equal("conditions", e.Option);
    }
}
