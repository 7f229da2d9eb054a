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
