using SynthCore.Data.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Torch;
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

public class RecurrentInitializationTests
{
    [Fact]
    public void TensorFlow_initialisation_opens_the_gates_and_uses_glorot_bounds()
    {
        SynthCore.Native.TorchNativeLoader.EnsureLoaded();
        using var random = new torch.Generator(5);
        using var net = new RecurrentNet("n", inputSize: 5, hiddenSize: 24, layers: 2, outputSize: 3, sigmoid: true, random, RecurrentInitialization.TensorFlow);
        var named = net.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        using var bias = named["gru.bias_ih_l0"].detach();
        Assert.All(bias[..48].data<float>().ToArray(), b => Assert.Equal(1f, b));
        Assert.All(bias[48..].data<float>().ToArray(), b => Assert.Equal(0f, b));
        Assert.All(named["gru.bias_hh_l1"].detach().data<float>().ToArray(), b => Assert.Equal(0f, b));

        // Layer 0: gates U(±√(6 / (5 + 24 + 48))), candidate U(±√(6 / (5 + 24 + 24))); the draws fill most of each range.
        double gateBound = Math.Sqrt(6.0 / 77), candidateBound = Math.Sqrt(6.0 / 53);
        var inputWeights = named["gru.weight_ih_l0"].detach();
        var gates = inputWeights[..48].abs().max().item<float>();
        var candidate = inputWeights[48..].abs().max().item<float>();
        Assert.InRange(gates, 0.9 * gateBound, gateBound);
        Assert.InRange(candidate, 0.9 * candidateBound, candidateBound);
        Assert.All(named["head.bias"].detach().data<float>().ToArray(), b => Assert.Equal(0f, b));
        Assert.InRange(named["head.weight"].detach().abs().max().item<float>(), 0.8 * Math.Sqrt(6.0 / 27), Math.Sqrt(6.0 / 27));

        // PyTorch's default for comparison: every weight within ±1/√24 and no constant biases.
        using var torchNet = new RecurrentNet("t", 5, 24, 2, 3, sigmoid: true, random);
        var torchBias = torchNet.named_parameters().First(p => p.name == "gru.bias_ih_l0").parameter.detach();
        Assert.True(torchBias.abs().max().item<float>() <= 1 / Math.Sqrt(24) + 1e-6);
    }

    [Fact]
    public void An_unknown_initialisation_is_refused_by_name()
    {
        var e = Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("timegan", new SynthesizerSettings { Extra = new Dictionary<string, string> { ["init"] = "keras" } }));
        Assert.Contains("init", e.Message);
        Assert.Contains("must be one of torch, tf", e.Message);
    }
}
