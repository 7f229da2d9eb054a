using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SynthCore.Tests.Neural;

[Trait(VectorPaths.Category, VectorPaths.Name)]
public class FusedAdamTests
{
    public FusedAdamTests() => TorchNativeLoader.EnsureLoaded();

    private static Parameter[] Parameters(long[][] shapes, torch.Generator random) =>
        shapes.Select(s => new Parameter(torch.randn(s, generator: random))).ToArray();

    [Fact]
    public void Matches_TorchSharps_Adam_with_weight_decay_over_many_steps()
    {
        using var random = new torch.Generator(7);
        // Sizes off the SIMD width exercise the scalar tail; the big one is CTGAN's critic layer.
        long[][] shapes = [[256, 2740], [256], [3, 5], [1]];
        var reference = Parameters(shapes, random);
        var fused = reference.Select(p => new Parameter(p.detach().clone())).ToArray();
        using var torchAdam = optim.Adam(reference, 2e-4, 0.5, 0.9, weight_decay: 1e-6);
        using var ours = new FusedAdam(fused, 2e-4, 0.5, 0.9, 1e-6);
        Assert.True(ours.IsFused);

        for (int step = 0; step < 40; step++)
        {
            using var scope = torch.NewDisposeScope();
            torchAdam.zero_grad();
            ours.ZeroGrad();
            for (int k = 0; k < shapes.Length; k++)
            {
                // A loss whose gradient is known: Σ c ⊙ p, so ∇ = c.
                var coefficients = torch.randn(shapes[k], generator: random);
                (reference[k] * coefficients).sum().backward();
                (fused[k] * coefficients).sum().backward();
            }
            torchAdam.step();
            ours.Step();
        }

        for (int k = 0; k < shapes.Length; k++)
        {
            using var moved = (fused[k] - reference[k]).abs().max();
            Assert.True(moved.item<float>() < 1e-5f, $"parameter {k} differs by {moved.item<float>()}");
        }
        // And the parameters did move: 40 steps of at most lr = 2e-4 each, with random-sign gradients.
        using var original = torch.randn(shapes[0], generator: new torch.Generator(7));
        using var travelled = (fused[0] - original).abs().mean();
        Assert.True(travelled.item<float>() > 2e-4f, $"travelled {travelled.item<float>()}");
    }

    [Fact]
    public void Skips_parameters_without_gradients_and_zeroes_gradients_in_place()
    {
        using var random = new torch.Generator(3);
        var parameters = Parameters([[4, 4], [4]], random);
        using var before = parameters[1].detach().clone();
        using var adam = new FusedAdam(parameters, 0.1);
        (parameters[0] * parameters[0]).sum().backward();
        adam.Step();
        Assert.True(before.equal(parameters[1]).all().item<bool>());

        using var grad = parameters[0].grad!;
        adam.ZeroGrad();
        Assert.Equal(0f, grad.abs().sum().item<float>());
    }
}
