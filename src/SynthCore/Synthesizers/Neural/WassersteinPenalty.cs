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
}
