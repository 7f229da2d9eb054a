using TorchSharp;
using SynthCore.Torch;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// TimeGAN's five networks (Yoon et al. 2019): the embedder maps features to the latent space and
/// the recovery maps back; the generator maps noise to latent sequences, the supervisor predicts
/// the next latent step, and the discriminator scores latent sequences step by step (logits).
/// </summary>
internal sealed class TimeGanNetworks : IDisposable
{
    /// <param name="staticWidth">Width of the encoded static features (0 for none). With static features, as in the paper,
    /// a static embedder, recovery, generator and discriminator join the five, and the sequential embedder, generator,
    /// supervisor and discriminator see the static latent code beside each step's input.</param>
    public TimeGanNetworks(int features, TimeGanOptions options, torch.Generator random, int staticWidth = 0)
    {
        int h = options.HiddenDim, layers = options.Layers, c = staticWidth > 0 ? h : 0;
        Embedder = new RecurrentNet("embedder", features + c, h, layers, h, sigmoid: true, random, options.Initialization);
        Recovery = new RecurrentNet("recovery", h, h, layers, features, sigmoid: true, random, options.Initialization);
        Generator = new RecurrentNet("generator", features + c, h, layers, h, sigmoid: true, random, options.Initialization);
        Supervisor = new RecurrentNet("supervisor", h + c, h, Math.Max(1, layers - 1), h, sigmoid: true, random, options.Initialization);
        Discriminator = new RecurrentNet("discriminator", h + c, h, layers, 1, sigmoid: false, random, options.Initialization);
        StaticWidth = staticWidth;
        if (staticWidth > 0)
        {
            // The static maps are one-step recurrent nets: on a single step a GRU layer with a zero start state is a gated
            // feed-forward layer, so they are the paper's feed-forward static networks built from the same (fused) block.
            StaticEmbedder = new RecurrentNet("static-embedder", staticWidth, h, 1, h, sigmoid: true, random, options.Initialization);
            StaticRecovery = new RecurrentNet("static-recovery", h, h, 1, staticWidth, sigmoid: true, random, options.Initialization);
            StaticGenerator = new RecurrentNet("static-generator", staticWidth, h, 1, h, sigmoid: true, random, options.Initialization);
            StaticDiscriminator = new RecurrentNet("static-discriminator", h, h, 1, 1, sigmoid: false, random, options.Initialization);
        }
    }

    /// <summary>Width of the encoded static features; 0 without them.</summary>
    public int StaticWidth { get; }
    public RecurrentNet? StaticEmbedder { get; }
    public RecurrentNet? StaticRecovery { get; }
    public RecurrentNet? StaticGenerator { get; }
    public RecurrentNet? StaticDiscriminator { get; }

    /// <summary>A sequence (batch × time × d) with the static latent code (batch × 1 × h) appended to every step; the sequence itself without static features.</summary>
    public static Tensor Condition(Tensor sequence, Tensor? staticCode) =>
        staticCode is null ? sequence : torch.cat([sequence, staticCode.expand(sequence.shape[0], sequence.shape[1], staticCode.shape[2])], 2);

    public RecurrentNet Embedder { get; }
    public RecurrentNet Recovery { get; }
    public RecurrentNet Generator { get; }
    public RecurrentNet Supervisor { get; }
    public RecurrentNet Discriminator { get; }

    public IEnumerable<RecurrentNet> All => StaticWidth == 0
        ? [Embedder, Recovery, Generator, Supervisor, Discriminator]
        : [Embedder, Recovery, Generator, Supervisor, Discriminator, StaticEmbedder!, StaticRecovery!, StaticGenerator!, StaticDiscriminator!];

    /// <summary>The networks <see cref="Synthesize"/> runs.</summary>
    public IEnumerable<RecurrentNet> Sampling => StaticWidth == 0
        ? [Generator, Supervisor, Recovery]
        : [Generator, Supervisor, Recovery, StaticGenerator!, StaticRecovery!];

    /// <summary>While training with an averaged copy (<see cref="TimeGanOptions.EmaDecay"/>): that copy, whose sampling networks hold the averages; for checkpoints.</summary>
    public TimeGanNetworks? Averaged { get; internal set; }

    /// <summary>Synthetic sequences in scaled units from noise Z (batch × time × features, uniform on [0, 1]).</summary>
    public Tensor Synthesize(Tensor z) => Recovery.forward(Supervisor.forward(Generator.forward(z)));

    /// <summary>
    /// Synthetic sequences and their static features in scaled units from noise Z (batch × time × features) and static
    /// noise Zs (batch × 1 × static width), both uniform on [0, 1]: the static generator's code conditions every step.
    /// </summary>
    public (Tensor Sequences, Tensor Static) Synthesize(Tensor z, Tensor zStatic)
    {
        var hStatic = StaticGenerator!.forward(zStatic);
        var hHat = Supervisor.forward(Condition(Generator.forward(Condition(z, hStatic)), hStatic));
        return (Recovery.forward(hHat), StaticRecovery!.forward(hStatic));
    }

    public void To(Device device)
    {
        foreach (var net in All) net.to(device);
    }

    public void Dispose()
    {
        foreach (var net in All) net.Dispose();
    }
}
