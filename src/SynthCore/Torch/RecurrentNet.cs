using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthCore.Torch;

/// <summary>How a <see cref="RecurrentNet"/>'s weights start.</summary>
public enum RecurrentInitialization
{
    /// <summary>PyTorch's defaults (uniform ±1/√hidden).</summary>
    Torch,

    /// <summary>TensorFlow 1's GRUCell defaults, as the TimeGAN authors' code has them (Glorot-uniform kernels, gate biases 1).</summary>
    TensorFlow,
}

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
    private readonly int hiddenSize;
    private readonly int layers;

    public RecurrentNet(string name, int inputSize, int hiddenSize, int layers, int outputSize, bool sigmoid, torch.Generator random,
        RecurrentInitialization initialization = RecurrentInitialization.Torch)
        : base(name)
    {
        gru = nn.GRU(inputSize, hiddenSize, layers, batchFirst: true);
        head = nn.Linear(hiddenSize, outputSize);
        this.sigmoid = sigmoid;
        this.hiddenSize = hiddenSize;
        this.layers = layers;
        RegisterComponents();
        if (initialization == RecurrentInitialization.TensorFlow) InitializeAsTensorFlow(inputSize, outputSize, random);
        else InitializeAsTorch(random);
    }

    /// <summary>
    /// PyTorch's defaults, U(−1/√hidden, 1/√hidden) for every GRU weight and bias and
    /// U(−1/√fan_in, 1/√fan_in) for the linear layer, drawn from the fit's generator.
    /// </summary>
    private void InitializeAsTorch(torch.Generator random)
    {
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        foreach (var parameter in gru.parameters()) Uniform(parameter, bound, random);
        Uniform(head.weight!, bound, random);
        Uniform(head.bias!, bound, random);
    }

    /// <summary>
    /// As TensorFlow 1's GRUCell and fully_connected, which the TimeGAN authors' code uses:
    /// Glorot-uniform over each cell's kernels — [input + hidden, 2·hidden] for the reset and update
    /// gates, [input + hidden, hidden] for the candidate — gate biases 1 (gates start mostly open),
    /// candidate bias 0; Glorot-uniform head weight, zero head bias. The bias of 1 goes on the
    /// input-side bias (TorchSharp's GRU has two bias vectors; their sum is what TF's one bias is).
    /// </summary>
    private void InitializeAsTensorFlow(int inputSize, int outputSize, torch.Generator random)
    {
        using var _ = torch.no_grad();
        int h = hiddenSize;
        foreach (var (name, parameter) in gru.named_parameters())
        {
            int layerInput = name.EndsWith("_l0") ? inputSize : h;
            double gates = Math.Sqrt(6.0 / (layerInput + h + 2 * h)), candidate = Math.Sqrt(6.0 / (layerInput + h + h));
            if (name.StartsWith("weight_"))
            {
                // Rows in r, z, n order: the first two blocks are the gates, the last the candidate.
                using var gateRows = parameter.narrow(0, 0, 2 * h);
                using var candidateRows = parameter.narrow(0, 2 * h, h);
                Uniform(gateRows, gates, random);
                Uniform(candidateRows, candidate, random);
            }
            else if (name.StartsWith("bias_ih"))
            {
                using var gateBias = parameter.narrow(0, 0, 2 * h);
                using var candidateBias = parameter.narrow(0, 2 * h, h);
                gateBias.fill_(1.0);
                candidateBias.zero_();
            }
            else parameter.zero_();
        }
        Uniform(head.weight!, Math.Sqrt(6.0 / (h + outputSize)), random);
        head.bias!.zero_();
    }

    /// <summary>
    /// Runs the GRU through libtorch's nn.GRU even where <see cref="FusedGru"/> applies (CPU float32);
    /// for tests that compare the two.
    /// </summary>
    internal bool UseLibTorchGru { get; set; }

    /// <summary>Per-step outputs, batch × time × output.</summary>
    public override Tensor forward(Tensor input)
    {
        using var output = Recur(input);
        var y = head.forward(output);
        return sigmoid ? torch.sigmoid(y) : y;
    }

    /// <summary>The output of the linear layer on the top layer's final hidden state, batch × output (for sequence classifiers).</summary>
    public Tensor ForwardLast(Tensor input)
    {
        using var output = Recur(input);
        using var last = output.select(1, -1);
        var y = head.forward(last);
        return sigmoid ? torch.sigmoid(y) : y;
    }

    /// <summary>The top GRU layer's outputs at every step (batch × time × hidden): the fused C# GRU on CPU float32, libtorch's elsewhere.</summary>
    private Tensor Recur(Tensor input)
    {
        if (!UseLibTorchGru && FusedGru.TryRun(input, gru, layers) is { } fused) return fused;
        var (output, last) = gru.forward(input);
        last.Dispose();
        return output;
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
