using TorchSharp;
using TorchSharp.Modules;
using SynthCore.Torch;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's critic: packs of <c>pac</c> rows (each row's features ⊕ its conditional vector)
/// through Linear → LeakyReLU(0.2) → Dropout(0.5) blocks to one unbounded score per pack (WGAN:
/// no sigmoid). Dropout masks are drawn from <see cref="Randomness"/>: TorchSharp's dropout
/// uses the process-wide generator.
/// </summary>
public sealed class CtganDiscriminator : nn.Module<Tensor, Tensor>
{
    /// <summary>LeakyReLU's slope below zero.</summary>
    internal const double LeakySlope = 0.2;

    private readonly ModuleList<Linear> layers = new();
    private readonly Linear output;
    private readonly Linear[] hiddenLayers;
    private readonly int packWidth;
    private readonly double dropout;

    public CtganDiscriminator(int width, IReadOnlyList<int> hidden, int pac, double dropout, torch.Generator init)
        : base(nameof(CtganDiscriminator))
    {
        packWidth = width * pac;
        this.dropout = dropout;
        int size = SeededInitialization.AddStack(layers, packWidth, hidden, init);
        hiddenLayers = layers.ToArray();
        output = SeededInitialization.Linear(size, 1, init);
        RegisterComponents();
    }

    /// <summary>Source of the dropout masks while training.</summary>
    public torch.Generator? Randomness { get; set; }

    /// <summary>The hidden layers, input side first (for <see cref="CtganCriticGradients"/>).</summary>
    internal IReadOnlyList<Linear> HiddenLayers => hiddenLayers;

    /// <summary>The layer to the score.</summary>
    internal Linear OutputLayer => output;

    /// <summary>Features of one pack: pac rows side by side.</summary>
    internal int PackWidth => packWidth;

    /// <summary>Dropout probability after each hidden layer while training.</summary>
    internal double DropoutRate => dropout;

    public override Tensor forward(Tensor rows)
    {
        var x = rows.reshape(-1, packWidth);
        foreach (var layer in layers)
        {
            x = nn.functional.leaky_relu(layer.forward(x), LeakySlope);
            if (training && dropout > 0)
            {
                var generator = Randomness ?? throw new InvalidOperationException("Set Randomness before training the discriminator.");
                // The mask is scaled in place (it needs no gradient), so the graph has one multiply.
                var keep = torch.rand(x.shape, dtype: x.dtype, generator: generator).to(x.device).ge_(dropout).div_(1 - dropout);
                x = x * keep;
            }
        }
        return output.forward(x);
    }
}
