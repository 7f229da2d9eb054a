using TorchSharp;
using TorchSharp.Modules;
using SynthCore.Torch;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The screen-time notebook's discriminator: features → 512 → 256 → 128 → 1 with LeakyReLU,
/// judging packs of <c>pac</c> rows at once (PacGAN; pac 1 is the notebook's). It returns one
/// logit per pack; the sigmoid is folded into the loss
/// (binary_cross_entropy_with_logits), which is the same BCE but cannot overflow.
/// </summary>
public sealed class GanDiscriminator : nn.Module<Tensor, Tensor>
{
    /// <summary>The DCGAN slope: keeps gradients flowing for rows the discriminator rejects.</summary>
    private const double LeakySlope = 0.2;

    private readonly Linear hidden1;
    private readonly Linear hidden2;
    private readonly Linear hidden3;
    private readonly Linear output;

    private readonly int packWidth;

    /// <param name="width">Features per row.</param>
    /// <param name="pac">Rows judged together; the batch size must be a multiple of it.</param>
    /// <param name="init">Generator the weights are drawn from.</param>
    public GanDiscriminator(int width, int pac, torch.Generator init) : base(nameof(GanDiscriminator))
    {
        packWidth = width * pac;
        hidden1 = nn.Linear(packWidth, 512);
        hidden2 = nn.Linear(512, 256);
        hidden3 = nn.Linear(256, 128);
        output = nn.Linear(128, 1);
        foreach (var layer in new[] { hidden1, hidden2, hidden3, output }) SeededInitialization.Reset(layer, init);
        RegisterComponents();
    }

    /// <param name="rows">rows × width; consecutive rows form a pack.</param>
    /// <returns>(rows / pac) × 1 logits.</returns>
    public override Tensor forward(Tensor rows)
    {
        var x = nn.functional.leaky_relu(hidden1.forward(rows.reshape(-1, packWidth)), LeakySlope);
        x = nn.functional.leaky_relu(hidden2.forward(x), LeakySlope);
        x = nn.functional.leaky_relu(hidden3.forward(x), LeakySlope);
        return output.forward(x);
    }
}
