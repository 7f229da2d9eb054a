using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's generator: noise ⊕ conditional vector through residual blocks (Linear → BatchNorm →
/// ReLU, output concatenated with the block's input), then a linear layer to one logit per
/// feature. <see cref="Activate"/> applies tanh to mode scalars and Gumbel-softmax to every
/// one-hot span, with Gumbel noise from the caller's generator (TorchSharp's gumbel_softmax
/// would use the process-wide one).
/// </summary>
public sealed class CtganGenerator : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = new();
    private readonly ModuleList<BatchNorm1d> norms = new();
    private readonly Linear output;
    private readonly OutputSpan[] spans;
    private readonly double temperature;
    private readonly SegmentedSoftmax oneHots;

    /// <param name="inputWidth">Noise plus conditional vector.</param>
    /// <param name="hidden">Residual block widths (CTGAN: 256, 256).</param>
    /// <param name="spans">The CTGAN layout's spans.</param>
    /// <param name="gumbelTemperature">τ of the Gumbel-softmax (CTGAN: 0.2).</param>
    /// <param name="init">Generator the weights are drawn from.</param>
    public CtganGenerator(int inputWidth, IReadOnlyList<int> hidden, IReadOnlyList<OutputSpan> spans, double gumbelTemperature, torch.Generator init)
        : base(nameof(CtganGenerator))
    {
        this.spans = spans.OrderBy(s => s.Start).ToArray();
        temperature = gumbelTemperature;
        oneHots = new SegmentedSoftmax(this.spans.Where(s => s.Activation != OutputActivation.Tanh).Select(s => (s.Start, s.Width)).ToArray(),
            this.spans.Sum(s => s.Width));
        int width = inputWidth;
        foreach (int size in hidden)
        {
            layers.Add(SeededInitialization.Linear(width, size, init));
            norms.Add(nn.BatchNorm1d(size));
            width += size;
        }
        output = SeededInitialization.Linear(width, this.spans.Sum(s => s.Width), init);
        RegisterComponents();
    }

    /// <summary>Source of the Gumbel noise; set by whoever runs the generator.</summary>
    public torch.Generator? Randomness { get; set; }

    /// <summary>Raw outputs (logits and pre-tanh scalars), rows × features.</summary>
    /// <remarks>
    /// Each layer's input is [earlier blocks' outputs, input], as in CTGAN's residual blocks, but
    /// the product is taken in two parts — the blocks' outputs times their columns of the weight,
    /// plus the input times its columns — so backward computes no gradient for the input's columns
    /// (noise and conditional vector need none): in one product it would, as part of the joined input.
    /// </remarks>
    public override Tensor forward(Tensor input)
    {
        Tensor? blocks = null;
        for (int i = 0; i < layers.Count; i++)
        {
            var block = nn.functional.relu(norms[i].forward(Joined(layers[i], blocks, input)));
            blocks = blocks is null ? block : torch.cat([block, blocks], 1);
        }
        return Joined(output, blocks, input);
    }

    /// <summary>The layer applied to [blocks, input] without joining them.</summary>
    private static Tensor Joined(Linear layer, Tensor? blocks, Tensor input)
    {
        var weight = layer.weight!;
        if (blocks is null) return nn.functional.linear(input, weight, layer.bias);
        long hidden = blocks.shape[1];
        var fromInput = nn.functional.linear(input, weight.narrow(1, hidden, weight.shape[1] - hidden), layer.bias);
        return fromInput.addmm(blocks, weight.narrow(1, 0, hidden).t());
    }

    /// <summary>tanh on mode scalars, Gumbel-softmax on one-hot spans.</summary>
    public Tensor Activate(Tensor raw) => Activate(raw, null);

    /// <param name="uniform">U[0, 1) draws the Gumbel noise is made of, raw's shape; null to draw them from <see cref="Randomness"/>.</param>
    internal Tensor Activate(Tensor raw, Tensor? uniform)
    {
        // One uniform draw for the whole batch; each softmax span takes its slice.
        var gumbel = uniform ?? torch.rand(raw.shape, dtype: raw.dtype,
            generator: Randomness ?? throw new InvalidOperationException("Set Randomness before running the generator.")).to(raw.device);
        // −log(−log u), in place: the noise needs no gradient, so no temporaries.
        gumbel.clamp_min_(1e-10).log_().neg_().clamp_min_(1e-10).log_().neg_();
        var perturbed = raw.add(gumbel).div_(temperature);
        // All one-hot spans in one segmented softmax; every other feature is a tanh scalar.
        return oneHots.Softmax(perturbed, raw.tanh());
    }
}
