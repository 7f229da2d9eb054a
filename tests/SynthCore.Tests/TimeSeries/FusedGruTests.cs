using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Tests.TimeSeries;

/// <summary>
/// The C# GRU (<see cref="FusedGru"/>) against libtorch's nn.GRU on the same weights: outputs, the
/// input's gradient and every weight's gradient, over shapes that exercise the SIMD kernels' four-row
/// blocks, their remainders and their scalar column tails.
/// </summary>
[Trait(VectorPaths.Category, VectorPaths.Name)]
public class FusedGruTests
{
    public FusedGruTests() => TorchNativeLoader.EnsureLoaded();

    private static RecurrentNet Net(int input, int hidden, int layers, bool sigmoid, RecurrentInitialization init)
    {
        using var random = new torch.Generator(11);
        return new RecurrentNet("net", input, hidden, layers, 3, sigmoid, random, init);
    }

    private static (float[] Output, float[] InputGrad, float[][] WeightGrads) Run(RecurrentNet net, Tensor x, Tensor outputWeights, bool libtorch, bool last)
    {
        net.UseLibTorchGru = libtorch;
        foreach (var p in net.parameters()) { using var g = p.grad; g?.zero_(); }
        using var input = x.detach().clone().requires_grad_(true);
        using var y = last ? net.ForwardLast(input) : net.forward(input);
        using var loss = (y * outputWeights).sum();
        loss.backward();
        using var inputGrad = input.grad!;
        return (y.detach().data<float>().ToArray(), inputGrad.data<float>().ToArray(),
            net.parameters().Select(p => { using var g = p.grad!; return g.data<float>().ToArray(); }).ToArray());
    }

    [Theory]
    [InlineData(5, 24, 3, 6, 9, false, RecurrentInitialization.TensorFlow)]
    [InlineData(4, 7, 1, 5, 4, true, RecurrentInitialization.Torch)]
    [InlineData(24, 24, 2, 9, 1, true, RecurrentInitialization.TensorFlow)]
    [InlineData(3, 13, 2, 1, 6, false, RecurrentInitialization.Torch)]
    public void Outputs_and_every_gradient_equal_libtorch_GRU(int inputSize, int hidden, int layers, int batch, int time, bool last,
        RecurrentInitialization init)
    {
        using var net = Net(inputSize, hidden, layers, sigmoid: true, init);
        using var random = new torch.Generator(5);
        using var x = torch.rand([batch, time, inputSize], generator: random);
        using var outputWeights = torch.randn(last ? [batch, 3] : [batch, time, 3], generator: random);

        var reference = Run(net, x, outputWeights, libtorch: true, last);
        var fused = Run(net, x, outputWeights, libtorch: false, last);

        AssertClose(reference.Output, fused.Output, 1e-5);
        AssertClose(reference.InputGrad, fused.InputGrad, 1e-5);
        Assert.Equal(reference.WeightGrads.Length, fused.WeightGrads.Length);
        for (int i = 0; i < reference.WeightGrads.Length; i++) AssertClose(reference.WeightGrads[i], fused.WeightGrads[i], 1e-4);
        // The gradients are not all zero (a test that would pass on a GRU that learned nothing).
        Assert.True(fused.WeightGrads.Sum(g => g.Sum(Math.Abs)) > 1e-2);
    }

    [Fact]
    public void Frozen_weights_still_pass_the_gradient_to_the_input_and_get_none()
    {
        using var net = Net(4, 10, 2, sigmoid: false, RecurrentInitialization.TensorFlow);
        using var random = new torch.Generator(8);
        using var x = torch.rand([7, 5, 4], generator: random);
        using var outputWeights = torch.randn([7, 5, 3], generator: random);
        var reference = Run(net, x, outputWeights, libtorch: true, last: false);

        foreach (var p in net.parameters()) { using var g = p.grad; g?.zero_(); p.requires_grad = false; }
        net.UseLibTorchGru = false;
        using var input = x.detach().clone().requires_grad_(true);
        using var loss = (net.forward(input) * outputWeights).sum();
        loss.backward();
        using var inputGrad = input.grad!;
        AssertClose(reference.InputGrad, inputGrad.data<float>().ToArray(), 1e-5);
        foreach (var p in net.parameters())
        {
            using var g = p.grad;
            Assert.True(g is null || g.abs().max().item<float>() == 0);
        }
    }

    [Fact]
    public void Without_gradients_the_output_is_the_same()
    {
        using var net = Net(5, 24, 3, sigmoid: true, RecurrentInitialization.TensorFlow);
        using var random = new torch.Generator(2);
        using var x = torch.rand([130, 24, 5], generator: random);
        using var _ = torch.no_grad();
        net.UseLibTorchGru = true;
        using var reference = net.forward(x);
        net.UseLibTorchGru = false;
        using var fused = net.forward(x);
        AssertClose(reference.data<float>().ToArray(), fused.data<float>().ToArray(), 1e-5);
        Assert.False(fused.requires_grad);
    }

    [Theory]
    [InlineData(9, 7, 37, 3, 2)]
    [InlineData(4, 24, 24, 0, 0)]
    [InlineData(130, 5, 72, 11, 5)]
    [InlineData(1, 1, 1, 0, 1)]
    public void The_SIMD_products_equal_plain_loops(int rows, int inner, int n, int offset, int pad)
    {
        var random = new Random(rows * 31 + n);
        float[] Fill(int length) => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        int lda = inner + pad, ldb = n + pad, ldc = n + pad;
        var a = Fill(offset + rows * lda);
        var b = Fill(offset + inner * ldb);
        var c = Fill(offset + rows * ldc);
        var expected = (float[])c.Clone();
        for (int m = 0; m < rows; m++)
            for (int j = 0; j < n; j++)
            {
                double sum = expected[offset + m * ldc + j];
                for (int k = 0; k < inner; k++) sum += a[offset + m * lda + k] * b[offset + k * ldb + j];
                expected[offset + m * ldc + j] = (float)sum;
            }
        FusedGru.Gemm.Add(a, offset, lda, b, offset, ldb, c, offset, ldc, rows, inner, n);
        AssertClose(expected, c, 1e-5);

        // Cᵀ-style accumulation: C[k, :] += Σ_m A[m, k] B'[m, :], with B' rows × n.
        var b2 = Fill(offset + rows * ldb);
        var c2 = Fill(inner * n);
        var expected2 = (float[])c2.Clone();
        for (int k = 0; k < inner; k++)
            for (int j = 0; j < n; j++)
            {
                double sum = expected2[k * n + j];
                for (int m = 0; m < rows; m++) sum += a[offset + m * lda + k] * b2[offset + m * ldb + j];
                expected2[k * n + j] = (float)sum;
            }
        FusedGru.Gemm.AddTransposedA(a, offset, lda, b2, offset, ldb, c2, rows, inner, n);
        AssertClose(expected2, c2, 1e-5);
    }

    [Fact]
    public void A_product_that_would_read_past_its_array_is_refused()
    {
        var small = new float[10];
        Assert.Throws<ArgumentOutOfRangeException>(() => FusedGru.Gemm.Add(small, 0, 4, small, 0, 4, new float[16], 0, 4, 4, 4, 4));
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Max(v => Math.Abs(v)));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
