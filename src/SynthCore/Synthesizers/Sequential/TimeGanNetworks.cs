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
    public TimeGanNetworks(int features, TimeGanOptions options, torch.Generator random)
    {
        int h = options.HiddenDim, layers = options.Layers;
        Embedder = new RecurrentNet("embedder", features, h, layers, h, sigmoid: true, random, options.Initialization);
        Recovery = new RecurrentNet("recovery", h, h, layers, features, sigmoid: true, random, options.Initialization);
        Generator = new RecurrentNet("generator", features, h, layers, h, sigmoid: true, random, options.Initialization);
        Supervisor = new RecurrentNet("supervisor", h, h, Math.Max(1, layers - 1), h, sigmoid: true, random, options.Initialization);
        Discriminator = new RecurrentNet("discriminator", h, h, layers, 1, sigmoid: false, random, options.Initialization);
    }

    public RecurrentNet Embedder { get; }
    public RecurrentNet Recovery { get; }
    public RecurrentNet Generator { get; }
    public RecurrentNet Supervisor { get; }
    public RecurrentNet Discriminator { get; }

    public IEnumerable<RecurrentNet> All => [Embedder, Recovery, Generator, Supervisor, Discriminator];

    /// <summary>The networks <see cref="Synthesize"/> runs.</summary>
    public IEnumerable<RecurrentNet> Sampling => [Generator, Supervisor, Recovery];

    /// <summary>While training with an averaged copy (<see cref="TimeGanOptions.EmaDecay"/>): that copy, whose sampling networks hold the averages; for checkpoints.</summary>
    public TimeGanNetworks? Averaged { get; internal set; }

    /// <summary>Synthetic sequences in scaled units from noise Z (batch × time × features, uniform on [0, 1]).</summary>
    public Tensor Synthesize(Tensor z) => Recovery.forward(Supervisor.forward(Generator.forward(z)));

    public void To(Device device)
    {
        foreach (var net in All) net.to(device);
    }

    public void Dispose()
    {
        foreach (var net in All) net.Dispose();
    }
}
