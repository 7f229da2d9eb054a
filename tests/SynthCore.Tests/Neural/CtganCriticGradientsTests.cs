using SynthCore.Native;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The hand-derived critic gradients against autograd on the same critic, inputs and random
/// draws (α, then each layer's dropout mask): the reference builds the WGAN-GP loss the usual
/// way, with the penalty's input-gradient taken with create_graph and differentiated again.
/// </summary>
[Trait(VectorPaths.Category, VectorPaths.Name)]
public class CtganCriticGradientsTests
{
    private const int Pac = 3, Width = 7, Rows = 12;
    private const double Lambda = 10;

    public CtganCriticGradientsTests() => TorchNativeLoader.EnsureLoaded();

    private static CtganDiscriminator Critic(double dropout)
    {
        using var init = new torch.Generator(3);
        return new CtganDiscriminator(Width, [6, 5], Pac, dropout, init);
    }

    /// <summary>The critic's training forward with autograd, masks drawn as the hand-derived pass draws them.</summary>
    private static Tensor ReferenceForward(CtganDiscriminator critic, Tensor packs, UniformNoise noise)
    {
        var x = packs;
        foreach (var layer in critic.HiddenLayers)
        {
            x = nn.functional.leaky_relu(layer.forward(x), CtganDiscriminator.LeakySlope);
            if (critic.DropoutRate > 0)
                x = x * noise.Next(x.shape, torch.CPU).ge_(critic.DropoutRate).div_(1 - critic.DropoutRate);
        }
        return critic.OutputLayer.forward(x);
    }

    private static Tensor[] Gradients(CtganDiscriminator critic) =>
        critic.parameters().Select(p => { using var g = p.grad!; return g.detach().clone(); }).ToArray();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Critic_step_matches_autograd_loss_penalty_and_every_weight_gradient(double dropout)
    {
        using var data = new torch.Generator(11);
        var fake = torch.randn([Rows, Width], generator: data);
        var real = torch.randn([Rows, Width], generator: data);

        using var critic = Critic(dropout);
        using var seed = new torch.Generator(5);
        var (loss, penalty) = CtganCriticGradients.CriticStep(critic, fake, real, Lambda, new UniformNoise(seed));
        var ours = Gradients(critic);

        using var referenceCritic = Critic(dropout);
        using var referenceSeed = new torch.Generator(5);
        var referenceNoise = new UniformNoise(referenceSeed);
        var (fakePacks, realPacks) = (fake.reshape(-1, Pac * Width), real.reshape(-1, Pac * Width));
        long packs = fakePacks.shape[0];
        var alpha = referenceNoise.Next([packs, 1], torch.CPU);
        var interpolates = (fakePacks + (realPacks - fakePacks) * alpha).detach().requires_grad_(true);
        var scores = ReferenceForward(referenceCritic, torch.cat([fakePacks, realPacks, interpolates], 0), referenceNoise);
        var referenceLoss = scores.narrow(0, 0, packs).mean() - scores.narrow(0, packs, packs).mean();
        var interpolateScores = scores.narrow(0, 2 * packs, packs);
        var gradient = torch.autograd.grad([interpolateScores], [interpolates], [torch.ones_like(interpolateScores)], retain_graph: true, create_graph: true)[0];
        var referencePenalty = (gradient.norm(1, keepdim: false, p: 2) - 1).square().mean() * Lambda;
        (referenceLoss + referencePenalty).backward();
        var expected = Gradients(referenceCritic);

        Assert.Equal(referenceLoss.item<float>(), loss.item<float>(), 5);
        Assert.Equal(referencePenalty.item<float>(), penalty.item<float>(), 4);
        Assert.True(referencePenalty.item<float>() > 0.1, "the penalty is not trivially zero");
        Assert.Equal(expected.Length, ours.Length);
        for (int i = 0; i < ours.Length; i++)
        {
            Assert.Equal(expected[i].shape, ours[i].shape);
            double scale = Math.Max(expected[i].abs().max().item<float>(), 1e-3);
            Assert.True((ours[i] - expected[i]).abs().max().item<float>() < 1e-4 * scale + 1e-6,
                $"parameter {i}: hand-derived and autograd gradients differ by {(ours[i] - expected[i]).abs().max().item<float>()}");
        }
    }

    [Fact]
    public void Score_gradient_matches_autograd_and_leaves_the_critic_without_gradients()
    {
        using var data = new torch.Generator(13);
        var rows = torch.randn([Rows, Width], generator: data);

        using var critic = Critic(0.5);
        using var seed = new torch.Generator(9);
        var (meanScore, inputGradient) = CtganCriticGradients.ScoreGradient(critic, rows, new UniformNoise(seed));
        Assert.All(critic.parameters(), p => Assert.True(p.grad is null));

        using var referenceCritic = Critic(0.5);
        using var referenceSeed = new torch.Generator(9);
        var leaf = rows.detach().requires_grad_(true);
        var scores = ReferenceForward(referenceCritic, leaf.reshape(-1, Pac * Width), new UniformNoise(referenceSeed));
        var loss = -scores.mean();
        loss.backward();

        Assert.Equal(-loss.item<float>(), meanScore.item<float>(), 5);
        Assert.Equal(rows.shape, inputGradient.shape);
        using var expected = leaf.grad!;
        Assert.True((inputGradient - expected).abs().max().item<float>() < 1e-6);
        Assert.True(expected.abs().max().item<float>() > 1e-3, "the gradient is not trivially zero");
    }
}
