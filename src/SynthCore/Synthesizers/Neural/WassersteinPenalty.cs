using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>The WGAN-GP gradient penalty (Gulrajani et al. 2017), shared by the GAN and CTGAN trainers.</summary>
internal static class WassersteinPenalty
{
    /// <summary>
    /// λ · mean over packs of (‖∇D(x̂)‖₂ − 1)², x̂ = α·real + (1 − α)·fake with one α ~ U(0, 1) per
    /// pack of <paramref name="pac"/> rows (drawn from <paramref name="random"/>), the norm taken
    /// over the pack's concatenated features. Built with create_graph so its own gradient reaches
    /// the critic's weights.
    /// </summary>
    /// <param name="real">rows × width, rows a multiple of pac.</param>
    /// <param name="fake">rows × width, detached from the generator.</param>
    public static Tensor Compute(nn.Module<Tensor, Tensor> critic, Tensor real, Tensor fake, int pac, double lambda, torch.Generator random)
    {
        long rows = real.shape[0], width = real.shape[1];
        var alpha = torch.rand([rows / pac, 1, 1], dtype: real.dtype, generator: random).to(real.device)
            .expand(rows / pac, pac, width).reshape(rows, width);
        var interpolates = (alpha * real + (1 - alpha) * fake).detach().requires_grad_(true);
        var scores = critic.forward(interpolates);
        var gradients = torch.autograd.grad([scores], [interpolates], [torch.ones_like(scores)], retain_graph: true, create_graph: true)[0];
        var norms = gradients.reshape(-1, pac * width).norm(1, keepdim: false, p: 2);
        return (norms - 1).square().mean() * lambda;
    }

    /// <summary>
    /// The DP-SGD critic gradient of the WGAN-GP loss: per real row i, D(fake_i) − D(real_i) plus the
    /// penalty at their interpolate, clipped and noised by <paramref name="step"/>. Returns the batch's
    /// mean loss and mean penalty (null for an empty batch). Shared by the GAN family and CTGAN.
    /// </summary>
    public static (double Loss, double Penalty)? PrivateGradients(DpSgdOptimizerStep step, nn.Module<Tensor, Tensor> critic,
        Tensor real, Tensor fake, double lambda, torch.Generator random, double normaliser)
    {
        int m = (int)real.shape[0];
        double lossSum = 0, penaltySum = 0;
        step.ComputeGradients(m, i =>
        {
            var (r, f) = (real[i].unsqueeze(0), fake[i].unsqueeze(0));
            var penalty = Compute(critic, r, f, 1, lambda, random);
            var loss = critic.forward(f).mean() - critic.forward(r).mean();
            lossSum += loss.item<float>();
            penaltySum += penalty.item<float>();
            return loss + penalty;
        }, normaliser);
        return m == 0 ? null : (lossSum / m, penaltySum / m);
    }
}
