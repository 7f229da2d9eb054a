using TorchSharp;
using SynthCore.Torch;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's critic gradients derived by hand instead of by autograd: the WGAN-GP critic step
/// (loss, gradient penalty and every weight's gradient) and, for the generator's step, the
/// gradient of −mean score with respect to the critic's input.
/// </summary>
/// <remarks>
/// Written by hand because the penalty needs the gradient, with respect to the weights, of the
/// critic's own input-gradient: autograd builds that as a second graph over the whole forward
/// (and differentiates the LeakyReLU slopes, which are zero almost everywhere, and the
/// interpolated input, which needs none) — about 150 small ops per step and a quarter more
/// multiply-adds than needed. With LeakyReLU and dropout every hidden unit's derivative is a
/// constant aₗ = slope × mask per row, so the input-gradient of an interpolate is linear in each
/// weight given the a's: g = uₗ·Wₗ chained from u_L = a_L ⊙ w (w the output layer's weight),
/// uₗ₋₁ = aₗ₋₁ ⊙ (uₗ·Wₗ), g = u₁·W₁. Its weight gradients are then a few matrix products, and the
/// ordinary loss gradient has the same top-down shape (dzₗ = aₗ ⊙ dzₗ₊₁·Wₗ₊₁, started at δ·w),
/// so both run as one product per layer over stacked rows: fake and real packs carry the loss
/// gradient, interpolate packs the penalty's u's. Checked against autograd in
/// tests/SynthCore.Tests/Neural/CtganCriticGradientsTests.cs.
/// </remarks>
internal static class CtganCriticGradients
{
    /// <summary>
    /// The critic's loss mean D(fake) − mean D(real) and penalty λ·mean over packs of
    /// (‖∇ₓD(x̂)‖₂ − 1)² at x̂ = α·real + (1 − α)·fake (one α ~ U(0, 1) per pack), both as
    /// scalars, with the gradient of their sum written into every parameter's gradient. The
    /// three kinds of packs go through one forward with fresh dropout masks, as three forwards
    /// would draw them. Random draws, from <paramref name="noise"/>: α, then each hidden layer's mask.
    /// </summary>
    /// <param name="fake">Generated rows ⊕ conditions, rows × width (rows a multiple of pac).</param>
    /// <param name="real">Real rows ⊕ conditions, the same shape.</param>
    public static (Tensor Loss, Tensor Penalty) CriticStep(CtganDiscriminator critic, Tensor fake, Tensor real, double lambda, UniformNoise noise)
    {
        using var _ = torch.no_grad();
        var fakePacks = fake.reshape(-1, critic.PackWidth);
        var realPacks = real.reshape(-1, critic.PackWidth);
        long packs = fakePacks.shape[0];
        var alpha = noise.Next([packs, 1], fake.device);
        var interpolates = fakePacks + (realPacks - fakePacks) * alpha;
        var (inputs, slopes, scores) = Forward(critic, torch.cat([fakePacks, realPacks, interpolates], 0), noise);
        var loss = scores.narrow(0, 0, packs).mean() - scores.narrow(0, packs, packs).mean();

        // d loss / d score: +1/packs on fake packs, −1/packs on real; 1 on interpolates starts their u chain.
        var outer = torch.ones([3 * packs, 1], dtype: fake.dtype, device: fake.device);
        outer.narrow(0, 0, packs).fill_(1.0 / packs);
        outer.narrow(0, packs, packs).fill_(-1.0 / packs);
        var top = TopDown(critic, slopes, outer);

        // The penalty and its gradient with respect to g, r = 2λ/packs · (‖g‖ − 1)/‖g‖ · g.
        var hidden = critic.HiddenLayers;
        var gradient = top[0].narrow(0, 2 * packs, packs).mm(hidden[0].weight!);
        var norms = gradient.norm(1, keepdim: true, p: 2);
        var excess = norms - 1;
        var penalty = excess.square().mean().mul_(lambda);
        var r = gradient.mul_(excess.div_(norms.clamp_min_(1e-12)).mul_(2 * lambda / packs));

        // Bottom-up through g = u₁·W₁: each layer's dv (gradient with respect to its input, interpolates
        // only) replaces the interpolate rows of that input, which the weight gradients no longer need.
        var dv = r;
        for (int l = 0; l < hidden.Count; l++)
        {
            inputs[l].narrow(0, 2 * packs, packs).copy_(dv);
            dv = dv.mm(hidden[l].weight!.t()).mul_(slopes[l].narrow(0, 2 * packs, packs));
        }
        inputs[hidden.Count].narrow(0, 2 * packs, packs).copy_(dv);

        // Each weight: loss part dzᵀ·input over fake and real packs plus penalty part uᵀ·dv over interpolates, one product.
        for (int l = 0; l < hidden.Count; l++)
        {
            SetProductGradient(hidden[l].weight!, top[l].t(), inputs[l]);
            SetGradient(hidden[l].bias!, top[l].narrow(0, 0, 2 * packs).sum(dim: 0));
        }
        SetProductGradient(critic.OutputLayer.weight!, outer.t(), inputs[hidden.Count]);
        SetGradient(critic.OutputLayer.bias!, outer.narrow(0, 0, 2 * packs).sum(dim: 0));
        return (loss, penalty);
    }

    /// <summary>
    /// For the generator's step: mean score of <paramref name="rows"/> and the gradient of
    /// −mean score with respect to them (rows × width), through fresh dropout masks. The critic's
    /// own weights get no gradient.
    /// </summary>
    public static (Tensor MeanScore, Tensor InputGradient) ScoreGradient(CtganDiscriminator critic, Tensor rows, UniformNoise noise)
    {
        using var noGrad = torch.no_grad();
        var (_, slopes, scores) = Forward(critic, rows.reshape(-1, critic.PackWidth), noise);
        long packs = scores.shape[0];
        var outer = torch.full([packs, 1], -1.0 / packs, dtype: rows.dtype, device: rows.device);
        var top = TopDown(critic, slopes, outer);
        return (scores.mean(), top[0].mm(critic.HiddenLayers[0].weight!).reshape(rows.shape));
    }

    /// <summary>
    /// The training forward over packs, keeping each hidden layer's input and its per-unit
    /// derivative a = (1 if z &gt; 0 else slope) × dropout mask ÷ keep rate.
    /// </summary>
    private static (Tensor[] Inputs, Tensor[] Slopes, Tensor Scores) Forward(CtganDiscriminator critic, Tensor packs, UniformNoise noise)
    {
        var hidden = critic.HiddenLayers;
        var inputs = new Tensor[hidden.Count + 1];
        var slopes = new Tensor[hidden.Count];
        double dropout = critic.DropoutRate;
        var x = packs;
        for (int l = 0; l < hidden.Count; l++)
        {
            inputs[l] = x;
            var z = nn.functional.linear(x, hidden[l].weight!, hidden[l].bias);
            var a = z.gt(0).to(z.dtype).mul_(1 - CtganDiscriminator.LeakySlope).add_(CtganDiscriminator.LeakySlope);
            if (dropout > 0)
                a.mul_(noise.Next(z.shape, z.device).ge_(dropout).div_(1 - dropout));
            slopes[l] = a;
            x = z.mul_(a);
        }
        inputs[hidden.Count] = x;
        return (inputs, slopes, nn.functional.linear(x, critic.OutputLayer.weight!, critic.OutputLayer.bias));
    }

    /// <summary>
    /// Gradients with respect to each hidden layer's pre-activation, top down, for a gradient
    /// <paramref name="outer"/> (packs × 1) with respect to the scores.
    /// </summary>
    private static Tensor[] TopDown(CtganDiscriminator critic, Tensor[] slopes, Tensor outer)
    {
        var hidden = critic.HiddenLayers;
        var top = new Tensor[hidden.Count];
        top[^1] = outer.mm(critic.OutputLayer.weight!).mul_(slopes[^1]);
        for (int l = hidden.Count - 1; l > 0; l--)
            top[l - 1] = top[l].mm(hidden[l].weight!).mul_(slopes[l - 1]);
        return top;
    }

    /// <summary>Sets the gradient to left·right, written straight into the existing gradient's memory when there is one.</summary>
    private static void SetProductGradient(Tensor parameter, Tensor left, Tensor right)
    {
        using var existing = parameter.grad;
        if (existing is null) parameter.grad = left.mm(right).detach();
        else existing.addmm_(left, right, beta: 0, alpha: 1);
    }

    private static void SetGradient(Tensor parameter, Tensor gradient)
    {
        using var existing = parameter.grad;
        if (existing is null) parameter.grad = gradient.detach().clone();
        else existing.copy_(gradient);
    }
}
