using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The screen-time notebook's generator: noise → 128 → 256 → 512 → one output per transformed
/// feature, each hidden layer followed by LeakyReLU(0.01) and BatchNorm (Keras momentum 0.8, i.e.
/// PyTorch momentum 0.2). The output activation follows the table transform's spans: sigmoid for
/// min-max scaled numbers and indicators, Gumbel-softmax for one-hot categories. A conditional
/// generator (<c>cgan</c>) reads the condition column's one-hot value after the noise and writes
/// it unchanged into that column's outputs, so every row it makes has the category it was given.
/// </summary>
public sealed class GanGenerator : nn.Module<Tensor, Tensor>
{
    private const double LeakySlope = 0.01;
    private const double BatchNormMomentum = 0.2;

    private readonly Linear hidden1;
    private readonly BatchNorm1d norm1;
    private readonly Linear hidden2;
    private readonly BatchNorm1d norm2;
    private readonly Linear hidden3;
    private readonly BatchNorm1d norm3;
    private readonly Linear output;
    private readonly OutputSpan[] head;
    private readonly double temperature;

    /// <param name="latentDim">Length of the noise vector.</param>
    /// <param name="spans">The transform's output spans (absolute, contiguous, covering 0 … width).</param>
    /// <param name="gumbelTemperature">Temperature of the Gumbel-softmax on categorical spans.</param>
    /// <param name="init">Generator the weights are drawn from.</param>
    /// <param name="condition">The one-hot span of the condition column (conditional GAN), or null.</param>
    public GanGenerator(int latentDim, IReadOnlyList<OutputSpan> spans, double gumbelTemperature, torch.Generator init, OutputSpan? condition = null)
        : base(nameof(GanGenerator))
    {
        Condition = condition;
        head = GeneratorHead.Build(spans);
        Width = head.Sum(s => s.Width);
        LatentDim = latentDim;
        temperature = gumbelTemperature;

        hidden1 = nn.Linear(latentDim + (condition?.Width ?? 0), 128);
        norm1 = nn.BatchNorm1d(128, momentum: BatchNormMomentum);
        hidden2 = nn.Linear(128, 256);
        norm2 = nn.BatchNorm1d(256, momentum: BatchNormMomentum);
        hidden3 = nn.Linear(256, 512);
        norm3 = nn.BatchNorm1d(512, momentum: BatchNormMomentum);
        output = nn.Linear(512, Width);
        foreach (var layer in new[] { hidden1, hidden2, hidden3, output }) SeededInitialization.Reset(layer, init);
        RegisterComponents();
    }

    /// <summary>Length of the noise vector.</summary>
    public int LatentDim { get; }

    /// <summary>The condition column's one-hot span (its absolute place in the output), or null.</summary>
    public OutputSpan? Condition { get; }

    /// <summary>Features per generated row (the transform's width).</summary>
    public int Width { get; }

    /// <summary>Source of the Gumbel noise of categorical outputs; set by whoever runs the generator.</summary>
    public torch.Generator? Randomness { get; set; }

    /// <param name="input">rows × <see cref="LatentDim"/> noise, followed by the condition's one-hot columns for a conditional generator.</param>
    public override Tensor forward(Tensor input)
    {
        var x = norm1.forward(nn.functional.leaky_relu(hidden1.forward(input), LeakySlope));
        x = norm2.forward(nn.functional.leaky_relu(hidden2.forward(x), LeakySlope));
        x = norm3.forward(nn.functional.leaky_relu(hidden3.forward(x), LeakySlope));
        var logits = output.forward(x);

        var parts = new Tensor[head.Length];
        for (int i = 0; i < head.Length; i++)
        {
            var span = head[i];
            var slice = logits.narrow(1, span.Start, span.Width);
            if (Condition is { } c && span.Start == c.Start)
            {
                parts[i] = input.narrow(1, LatentDim, c.Width);
                continue;
            }
            parts[i] = span.Activation switch
            {
                OutputActivation.Sigmoid => slice.sigmoid(),
                OutputActivation.Tanh => slice.tanh(),
                OutputActivation.Identity => slice,
                OutputActivation.Softmax => GumbelSoftmax(slice),
                _ => throw new InvalidOperationException($"Unsupported output activation {span.Activation}."),
            };
        }
        return parts.Length == 1 ? parts[0] : torch.cat(parts, 1);
    }

    /// <summary>
    /// softmax((logits + Gumbel noise) / τ): a differentiable, nearly one-hot draw from the
    /// categorical the logits define (Jang et al. 2017). Hand-written because TorchSharp's
    /// gumbel_softmax draws from the process-wide generator.
    /// </summary>
    private Tensor GumbelSoftmax(Tensor logits)
    {
        var generator = Randomness ?? throw new InvalidOperationException("Set Randomness before running the generator.");
        var uniform = torch.rand(logits.shape, dtype: logits.dtype, generator: generator).to(logits.device);
        var gumbel = -torch.log((-torch.log(uniform.clamp_min(1e-10))).clamp_min(1e-10));
        return ((logits + gumbel) / temperature).softmax(1);
    }
}
