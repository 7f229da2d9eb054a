using SynthCore.Native;
using SynthCore.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class DpSgdOptimizerStepTests
{
    private static (nn.Module<Tensor, Tensor> Model, Tensor X, Tensor Y) Problem(int rows, int inputs, int outputs)
    {
        TorchNativeLoader.EnsureLoaded();
        torch.manual_seed(5);
        var model = nn.Linear(inputs, outputs);
        using var g = new torch.Generator(9, torch.CPU);
        var x = torch.randn([rows, inputs], generator: g);
        // Targets far off so some per-example gradients exceed the clipping norm and some do not.
        var y = torch.randn([rows, outputs], generator: g) * torch.linspace(0.1, 20, rows).unsqueeze(1);
        return (model, x, y);
    }

    private static Tensor Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int i) =>
        nn.functional.mse_loss(model.forward(x[i].unsqueeze(0)), y[i].unsqueeze(0));

    private static float[] Flat(IEnumerable<Tensor> tensors) => tensors.SelectMany(t => t.data<float>().ToArray()).ToArray();

    [Fact]
    public void WithoutNoiseTheGradientIsTheMeanOfClippedPerExampleGradients()
    {
        var (model, x, y) = Problem(12, 4, 2);
        // Clip at the median per-example norm, so half the examples are clipped.
        var raw = Enumerable.Range(0, 12).Select(i =>
        {
            model.zero_grad();
            Loss(model, x, y, i).backward();
            return Math.Sqrt(Flat(model.parameters().Select(p => p.grad!)).Sum(v => (double)v * v));
        }).Order().ToArray();
        double clip = (raw[5] + raw[6]) / 2;
        // Reference: each example's gradient on its own, clipped here in C#.
        var expected = new double[Flat(model.parameters()).Length];
        int expectedClipped = 0;
        for (int i = 0; i < 12; i++)
        {
            model.zero_grad();
            Loss(model, x, y, i).backward();
            var g = Flat(model.parameters().Select(p => p.grad!));
            double norm = Math.Sqrt(g.Sum(v => (double)v * v));
            double scale = Math.Min(1, clip / norm);
            if (scale < 1) expectedClipped++;
            for (int k = 0; k < g.Length; k++) expected[k] += g[k] * scale / 12;
        }
        Assert.Equal(6, expectedClipped);

        using var gen = new torch.Generator(1, torch.CPU);
        var step = new DpSgdOptimizerStep(model.parameters(), clip, noiseMultiplier: 0, gen);
        var result = step.ComputeGradients(12, i => Loss(model, x, y, i));

        Assert.Equal(expectedClipped, result.Clipped);
        Assert.Equal(expectedClipped, result.PerExampleNorms.Count(n => n > clip));
        var actual = Flat(model.parameters().Select(p => p.grad!));
        for (int k = 0; k < actual.Length; k++) Assert.Equal(expected[k], actual[k], 5);
        // Each example contributes at most C, so the mean has norm at most C.
        Assert.True(Math.Sqrt(actual.Sum(v => (double)v * v)) <= clip + 1e-6);
    }

    [Fact]
    public void OneClippedExampleHasNormExactlyC()
    {
        var (model, x, y) = Problem(12, 4, 2);
        using var gen = new torch.Generator(1, torch.CPU);
        var step = new DpSgdOptimizerStep(model.parameters(), 0.25, 0, gen);
        var result = step.ComputeGradients(1, i => Loss(model, x, y, 11));
        Assert.True(result.PerExampleNorms[0] > 0.25);
        var g = Flat(model.parameters().Select(p => p.grad!));
        Assert.Equal(0.25, Math.Sqrt(g.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void NoiseHasStandardDeviationSigmaCOverTheBatchAndIsSeeded()
    {
        TorchNativeLoader.EnsureLoaded();
        var model = nn.Linear(200, 100);
        double clip = 2, sigma = 1.5, batch = 8;
        Tensor Zero(int _) => (model.forward(torch.zeros(1, 200)) * 0).sum();

        Sweeps.StatisticalCheck.AssertAll(PrivacyRiskChecks.Noise(generatorSeed: 3));
        using var gen = new torch.Generator(3, torch.CPU);
        new DpSgdOptimizerStep(model.parameters(), clip, sigma, gen).ComputeGradients(0, Zero, normaliser: batch);
        var noise = Flat(model.parameters().Select(p => p.grad!));

        using var again = new torch.Generator(3, torch.CPU);
        new DpSgdOptimizerStep(model.parameters(), clip, sigma, again).ComputeGradients(0, Zero, normaliser: batch);
        Assert.Equal(noise, Flat(model.parameters().Select(p => p.grad!)));
    }

    [Fact]
    public void TrainingWithPrivateGradientsStillLearns() =>
        Sweeps.StatisticalCheck.AssertAll(PrivacyRiskChecks.Learning(torchSeed: 2, generatorSeed: 4, batchSeed: 1));
}
