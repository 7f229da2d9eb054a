using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.TimeSeries;
using TorchSharp;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// TimeGAN's exponential moving average of the sampling networks (<see cref="TimeGanOptions.EmaDecay"/>):
/// the seam after each iteration records the raw weights, and the test recomputes the average by hand.
/// </summary>
public class TimeGanAveragingTests
{
    private static readonly SequenceData Sines = SequenceData.FromSequences(SinesData.Generate(120, 10, 2, seed: 9, SinesVariant.ReferenceCode));

    private static TimeGanOptions Small(double decay, int joint = 3) => new()
    {
        HiddenDim = 5, Layers = 2, Iterations = 4, JointIterations = joint, BatchSize = 16, Seed = 3, LearningRate = 5e-3, EmaDecay = decay,
    };

    private static float[] Weights(TimeGanNetworks nets) =>
        nets.Sampling.SelectMany(n => n.parameters()).SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Fact]
    public void The_fitted_model_holds_the_running_average_of_the_joint_iterations()
    {
        const double decay = 0.6;
        var raw = new List<float[]>();
        float[]? averagedAtEnd = null;
        using var model = new TimeGanSynthesizer(Small(decay)).Fit(Sines, null, default, (phase, step, nets) =>
        {
            // Weights before the first joint iteration (end of phase II), then after each one.
            if (phase == "supervisor" && step == 4) raw.Add(Weights(nets));
            if (phase != "joint") return;
            raw.Add(Weights(nets));
            Assert.NotNull(nets.Averaged);
            averagedAtEnd = Weights(nets.Averaged!);
        });

        Assert.Equal(4, raw.Count);
        var expected = raw[0].Select(v => (double)v).ToArray();
        foreach (var iterate in raw.Skip(1))
            for (int i = 0; i < expected.Length; i++) expected[i] = decay * expected[i] + (1 - decay) * iterate[i];

        var fitted = Weights(model.Networks);
        Assert.Equal(expected.Length, fitted.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], fitted[i], 4);
        Assert.Equal(averagedAtEnd, fitted);
        // The average is not the last iterate.
        Assert.True(fitted.Zip(raw[^1]).Max(p => Math.Abs(p.First - p.Second)) > 1e-3);
    }

    [Fact]
    public void Averaged_models_are_reproducible_and_survive_save_and_load()
    {
        using var a = new TimeGanSynthesizer(Small(0.9, joint: 5)).Fit(Sines);
        using var b = new TimeGanSynthesizer(Small(0.9, joint: 5)).Fit(Sines);
        using var last = new TimeGanSynthesizer(Small(0, joint: 5)).Fit(Sines);
        var samples = a.SampleSequences(30, seed: 4);
        Assert.Equal(samples, b.SampleSequences(30, seed: 4));
        Assert.NotEqual(samples, last.SampleSequences(30, seed: 4));

        using var file = new MemoryStream();
        a.Save(file);
        file.Position = 0;
        using var loaded = Assert.IsType<FittedTimeGan>(SynthesizerRegistry.Default.Load(file));
        Assert.Equal(samples, loaded.SampleSequences(30, seed: 4));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    [InlineData("nan")]
    public void A_decay_outside_0_to_1_is_refused_by_name(string value)
    {
        var e = Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("timegan", new SynthesizerSettings { Extra = new Dictionary<string, string> { ["ema-decay"] = value } }));
        Assert.Contains("ema-decay", e.Message);
    }
}
