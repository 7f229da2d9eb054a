using SynthCore.Data.Sequences;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Training;
using TorchSharp;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// TimeGAN's per-phase iterations and its last good model when training diverges. The divergence
/// is made certain by the trainer's after-iteration seam, which here overwrites a generator weight
/// with NaN at a chosen iteration, so the next iteration's losses are NaN.
/// </summary>
public class TimeGanDivergenceTests
{
    private static readonly SequenceData Sines = SequenceData.FromSequences(SinesData.Generate(120, 10, 2, seed: 9, SinesVariant.ReferenceCode));

    private static TimeGanOptions Small(int joint) => new()
    {
        HiddenDim = 5, Layers = 2, Iterations = 4, JointIterations = joint, BatchSize = 16, Seed = 3, LearningRate = 5e-3,
    };

    private static Action<string, int, TimeGanNetworks> PoisonGeneratorAt(string phase, int iteration) => (p, step, nets) =>
    {
        if (p != phase || step != iteration) return;
        using var _ = torch.no_grad();
        nets.Generator.parameters().First().fill_(float.NaN);
    };

    [Fact]
    public void Divergence_in_joint_training_keeps_the_model_of_the_last_sound_iteration()
    {
        var e = Assert.Throws<TrainingDivergedException>(() =>
            new TimeGanSynthesizer(Small(joint: 10)).Fit(Sines, null, default, PoisonGeneratorAt("joint", 3)));

        Assert.Equal(4, e.Step);
        Assert.Contains("diverged in the joint phase at iteration 4", e.Message);
        Assert.Contains("the model as of joint iteration 3 is kept", e.Message);
        using var kept = Assert.IsType<FittedTimeGan>(e.LastGood);

        var sequences = kept.SampleSequences(40, seed: 2);
        for (int f = 0; f < 2; f++)
        {
            double min = Sines.Scaler.Min[f], max = Sines.Scaler.Max[f];
            Assert.All(sequences.SelectMany(s => s), step => Assert.InRange(step[f], min - 1e-6, max + 1e-6));
        }
        // The kept model is exactly the one training stops with after 3 joint iterations: same samples.
        using var three = new TimeGanSynthesizer(Small(joint: 3)).Fit(Sines);
        Assert.Equal(three.SampleSequences(40, seed: 2), sequences);
        Assert.Equal(sequences, kept.SampleSequences(40, seed: 2));

        // And it is a whole model: it saves and loads.
        using var file = new MemoryStream();
        kept.Save(file);
        file.Position = 0;
        using var loaded = Assert.IsType<FittedTimeGan>(SynthCore.Registry.SynthesizerRegistry.Default.Load(file));
        Assert.Equal(sequences, loaded.SampleSequences(40, seed: 2));
    }

    [Theory]
    [InlineData("autoencoder", 2, "autoencoder", 3)] // a NaN embedder weight
    [InlineData("supervisor", 4, "joint", 1)] // a NaN generator weight: phase II does not use the generator
    public void Divergence_before_any_sound_joint_iteration_keeps_nothing(string poisonPhase, int poisonStep, string divergedPhase, int divergedStep)
    {
        void Poison(string phase, int step, TimeGanNetworks nets)
        {
            if (phase != poisonPhase || step != poisonStep) return;
            using var _ = torch.no_grad();
            (phase == "autoencoder" ? nets.Embedder : nets.Generator).parameters().First().fill_(float.NaN);
        }

        var e = Assert.Throws<TrainingDivergedException>(() => new TimeGanSynthesizer(Small(joint: 10)).Fit(Sines, null, default, Poison));

        Assert.Equal(divergedStep, e.Step);
        Assert.Contains($"diverged in the {divergedPhase} phase at iteration {divergedStep}", e.Message);
        Assert.Contains("nothing is kept", e.Message);
        Assert.Null(e.LastGood);
    }

    [Fact]
    public void Each_phase_runs_its_own_iterations()
    {
        var reports = new List<TrainingProgress>();
        using var model = new TimeGanSynthesizer(Small(joint: 3) with { AutoencoderIterations = 5, SupervisorIterations = 2, ProgressEvery = 1 })
            .Fit(Sines, new Collect(reports));

        Assert.Equal([("autoencoder", 5), ("supervisor", 2), ("joint", 3)],
            reports.GroupBy(r => r.Phase).Select(g => (g.Key, g.Count())));
        Assert.All(reports, r => Assert.Equal(r.Phase switch { "autoencoder" => 5, "supervisor" => 2, _ => 3 }, r.TotalSteps));
        Assert.Equal("joint-iterations", Assert.Throws<SynthOptionException>(() => new TimeGanSynthesizer(Small(joint: 0))).Option);
        var made = (TimeGanSynthesizer)SynthCore.Registry.SynthesizerRegistry.Default.Create("timegan", new SynthCore.Synthesizers.SynthesizerSettings
        {
            Epochs = 7, Extra = new Dictionary<string, string> { ["autoencoder-iterations"] = "2", ["joint-iterations"] = "9" },
        });
        Assert.Equal((2, 7, 9), (made.Options.AutoencoderSteps, made.Options.SupervisorSteps, made.Options.JointSteps));
    }

    private sealed class Collect(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
