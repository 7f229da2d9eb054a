using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthCore.TimeSeries;

/// <summary>
/// A stacked GRU (batch × time × features in) followed by a per-step linear layer, optionally
/// squashed by a sigmoid: the building block of TimeGAN's five networks and of the post-hoc
/// metric models. Weights are drawn from the caller's generator, never the process-wide one.
/// </summary>
internal sealed class RecurrentNet : nn.Module<Tensor, Tensor>
{
    private readonly GRU gru;
    private readonly Linear head;
    private readonly bool sigmoid;

    public RecurrentNet(string name, int inputSize, int hiddenSize, int layers, int outputSize, bool sigmoid, torch.Generator random)
        : base(name)
    {
        gru = nn.GRU(inputSize, hiddenSize, layers, batchFirst: true);
        head = nn.Linear(hiddenSize, outputSize);
        this.sigmoid = sigmoid;
        RegisterComponents();
        // PyTorch's defaults, U(−1/√hidden, 1/√hidden) for every GRU weight and bias and
        // U(−1/√fan_in, 1/√fan_in) for the linear layer, drawn from the fit's generator.
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        foreach (var parameter in gru.parameters()) Uniform(parameter, bound, random);
        double headBound = 1.0 / Math.Sqrt(hiddenSize);
        Uniform(head.weight!, headBound, random);
        Uniform(head.bias!, headBound, random);
    }

    /// <summary>Per-step outputs, batch × time × output.</summary>
    public override Tensor forward(Tensor input)
    {
        var (output, last) = gru.forward(input);
        last.Dispose();
        var y = head.forward(output);
        return sigmoid ? torch.sigmoid(y) : y;
    }

    /// <summary>The output of the linear layer on the top layer's final hidden state, batch × output (for sequence classifiers).</summary>
    public Tensor ForwardLast(Tensor input)
    {
        var (output, last) = gru.forward(input);
        output.Dispose();
        var y = head.forward(last[-1]);
        return sigmoid ? torch.sigmoid(y) : y;
    }

    /// <summary>
    /// U(−bound, bound) from <paramref name="random"/>. Not torch.nn.init.uniform_: TorchSharp
    /// 0.107 ignores its generator argument (see Synthesizers/Neural/SeededInitialization).
    /// </summary>
    private static void Uniform(Tensor parameter, double bound, torch.Generator random)
    {
        using var _ = torch.no_grad();
        using var draw = torch.rand(parameter.shape, dtype: parameter.dtype, generator: random);
        using var scaled = draw.mul(2 * bound).sub(bound);
        parameter.copy_(scaled);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gru.Dispose();
            head.Dispose();
        }
        base.Dispose(disposing);
    }
}
