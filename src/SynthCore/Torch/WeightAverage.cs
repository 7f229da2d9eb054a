using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Torch;

/// <summary>
/// Keeps <c>average ← decay · average + (1 − decay) · source</c> for every parameter and
/// floating-point buffer of two modules of the same architecture (integer buffers, such as
/// batch-norm step counters, are copied).
/// </summary>
internal sealed class WeightAverage
{
    private readonly (Tensor Average, Tensor Source)[] floating;
    private readonly (Tensor Average, Tensor Source)[] copied;
    private readonly double weight;

    public WeightAverage(nn.Module average, nn.Module source, double decay)
    {
        var pairs = average.parameters().Cast<Tensor>().Zip(source.parameters().Cast<Tensor>())
            .Concat(average.buffers().Zip(source.buffers()))
            .Select(p => (Average: p.First, Source: p.Second))
            .ToArray();
        floating = pairs.Where(p => p.Source.is_floating_point()).ToArray();
        copied = pairs.Where(p => !p.Source.is_floating_point()).ToArray();
        weight = 1 - decay;
        using var _ = torch.no_grad();
        foreach (var (a, s) in pairs) a.copy_(s);
    }

    /// <summary>Moves the average one step towards the source.</summary>
    public void Update()
    {
        using var _ = torch.no_grad();
        foreach (var (a, s) in floating) a.lerp_(s, weight);
        foreach (var (a, s) in copied) a.copy_(s);
    }
}
