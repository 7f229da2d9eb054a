using TorchSharp;
using TorchSharp.Modules;
using SynthCore.Torch;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>TVAE's encoder: rows through Linear → ReLU layers to the latent mean and log-variance.</summary>
public sealed class TvaeEncoder : nn.Module<Tensor, (Tensor Mean, Tensor LogVariance)>
{
    private readonly ModuleList<Linear> layers = new();
    private readonly Linear mean;
    private readonly Linear logVariance;

    public TvaeEncoder(int width, IReadOnlyList<int> hidden, int latent, torch.Generator init) : base(nameof(TvaeEncoder))
    {
        int size = SeededInitialization.AddStack(layers, width, hidden, init);
        mean = SeededInitialization.Linear(size, latent, init);
        logVariance = SeededInitialization.Linear(size, latent, init);
        RegisterComponents();
    }

    public override (Tensor Mean, Tensor LogVariance) forward(Tensor rows)
    {
        var x = rows;
        foreach (var layer in layers) x = nn.functional.relu(layer.forward(x));
        return (mean.forward(x), logVariance.forward(x));
    }
}

/// <summary>
/// TVAE's decoder: latent codes through Linear → ReLU layers to one output per feature, plus a
/// learned standard deviation per feature (used for the mode scalars' Gaussian likelihood and
/// as sampling noise), kept in [0.01, 1] after every step.
/// </summary>
public sealed class TvaeDecoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = new();
    private readonly Linear output;

    public TvaeDecoder(int latent, IReadOnlyList<int> hidden, int width, torch.Generator init) : base(nameof(TvaeDecoder))
    {
        int size = SeededInitialization.AddStack(layers, latent, hidden, init);
        output = SeededInitialization.Linear(size, width, init);
        sigma = nn.Parameter(torch.ones(width) * 0.1);
        RegisterComponents();
    }

    private readonly Parameter sigma;

    /// <summary>The learned per-feature standard deviations.</summary>
    public Parameter Sigma => sigma;

    public override Tensor forward(Tensor codes)
    {
        var x = codes;
        foreach (var layer in layers) x = nn.functional.relu(layer.forward(x));
        return output.forward(x);
    }
}
