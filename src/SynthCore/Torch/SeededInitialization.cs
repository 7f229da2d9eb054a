using TorchSharp;
using TorchSharp.Modules;

namespace SynthCore.Torch;

/// <summary>
/// Re-initialises layers from a caller's <see cref="torch.Generator"/>. TorchSharp's layer
/// constructors draw from the process-wide generator, which concurrent fits would share; drawing
/// from the fit's own generator keeps "same seed, same model" true in any process.
/// </summary>
internal static class SeededInitialization
{
    /// <summary>A Linear layer <paramref name="inputs"/> → <paramref name="outputs"/>, initialised from <paramref name="generator"/>.</summary>
    public static Linear Linear(long inputs, long outputs, torch.Generator generator)
    {
        var layer = torch.nn.Linear(inputs, outputs);
        Reset(layer, generator);
        return layer;
    }

    /// <summary>
    /// Adds seeded Linear layers to <paramref name="layers"/>, one per width of <paramref name="widths"/>, each fed by the
    /// one before (the first by <paramref name="inputs"/>); returns the last width, the input of the layer after them.
    /// </summary>
    public static int AddStack(ModuleList<Linear> layers, int inputs, IEnumerable<int> widths, torch.Generator generator)
    {
        int size = inputs;
        foreach (int width in widths)
        {
            layers.Add(Linear(size, width, generator));
            size = width;
        }
        return size;
    }

    /// <summary>PyTorch's default Linear initialisation, U(−1/√fan_in, 1/√fan_in) for weight and bias.</summary>
    public static void Reset(Linear layer, torch.Generator generator)
    {
        double bound = 1.0 / Math.Sqrt(layer.in_features);
        Uniform(layer.weight!, bound, generator);
        if (layer.bias is { } bias) Uniform(bias, bound, generator);
    }

    /// <summary>
    /// Fills <paramref name="parameter"/> with U(−bound, bound) drawn from <paramref name="generator"/>.
    /// Not torch.nn.init.uniform_: in TorchSharp 0.107 it ignores its generator argument and draws
    /// from the process-wide one (tests/SynthCore.Tests/Neural caught two same-seed fits differing).
    /// </summary>
    private static void Uniform(torch.Tensor parameter, double bound, torch.Generator generator)
    {
        using var _ = torch.no_grad();
        using var draw = torch.rand(parameter.shape, dtype: parameter.dtype, generator: generator);
        using var scaled = draw.mul(2 * bound).sub(bound);
        parameter.copy_(scaled);
    }
}
