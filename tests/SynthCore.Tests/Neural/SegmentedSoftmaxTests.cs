using SynthCore.Native;
using SynthCore.Synthesizers.Neural.Ctgan;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SynthCore.Tests.Neural;

/// <summary>The padded, width-grouped softmax against one softmax per segment, values and gradients.</summary>
[Trait(VectorPaths.Category, VectorPaths.Name)]
public class SegmentedSoftmaxTests
{
    // Widths spread over several groups (2–3, 5–10, 11–16, 42), with uncovered features between them.
    private static readonly (int Start, int Width)[] Segments = [(1, 2), (3, 10), (14, 5), (19, 42), (62, 3), (66, 11), (78, 16)];
    private const int Features = 95, Rows = 37;

    public SegmentedSoftmaxTests() => TorchNativeLoader.EnsureLoaded();

    private static Tensor Logits(int seed)
    {
        using var random = new torch.Generator((ulong)seed);
        // Spread wide enough that a shared shift would underflow some segments.
        return torch.randn([Rows, Features], generator: random) * 30;
    }

    private static Tensor Reference(Tensor x, Tensor outside)
    {
        var result = outside.clone();
        foreach (var (start, width) in Segments)
            result.narrow(1, start, width).copy_(x.narrow(1, start, width).softmax(1));
        return result;
    }

    [Fact]
    public void Softmax_matches_per_segment_softmax_in_values_and_gradients()
    {
        var segmented = new SegmentedSoftmax(Segments, Features);
        var x = Logits(1).requires_grad_(true);
        var weights = Logits(2);
        var ours = segmented.Softmax(x, x.tanh());
        (ours * weights).sum().backward();
        using var ourGradient = x.grad!;
        var oursGradient = ourGradient.clone();

        var y = x.detach().clone().requires_grad_(true);
        var expected = Reference(y, y.tanh());
        (expected * weights).sum().backward();
        using var expectedGradient = y.grad!;

        Assert.True((ours - expected).abs().max().item<float>() < 1e-6);
        Assert.True((oursGradient - expectedGradient).abs().max().item<float>() < 1e-4);
        foreach (var (start, width) in Segments)
            Assert.True((ours.narrow(1, start, width).sum(1) - 1).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void Padded_log_softmax_at_each_features_slot_is_its_segments_log_softmax()
    {
        var segmented = new SegmentedSoftmax(Segments, Features);
        var x = Logits(3);
        var padded = segmented.PaddedLogSoftmax(x);
        Assert.Equal(Rows, padded.shape[1]);
        foreach (var (start, width) in Segments)
        {
            var expected = x.narrow(1, start, width).log_softmax(1);
            var slots = torch.tensor(Enumerable.Range(start, width).Select(f => segmented.Slot[f]).ToArray());
            var ours = padded.index_select(0, slots).t();
            Assert.True((ours - expected).abs().max().item<float>() < 1e-4, $"segment at {start}");
        }
        // Each row's probabilities over every slot sum to the number of segments: padding holds exp(−∞) = 0.
        Assert.True((padded.exp().sum(dim: 0) - Segments.Length).abs().max().item<float>() < 1e-4);
    }
}
