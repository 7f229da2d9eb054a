using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// The generator as of the last epoch that ended with finite losses (its weights and batch-norm
/// statistics), so a training that diverges can hand back that model in
/// <see cref="TrainingDivergedException.LastGood"/>. The copies are native tensors allocated once
/// and overwritten in place after each clean epoch: serialising to a fresh byte array every epoch
/// made the garbage collections that finalize TorchSharp's temporary Scalars mid-call (see
/// <see cref="TorchThreads"/>) frequent enough to break a 200-epoch fit.
/// </summary>
internal sealed class CtganSnapshot : IDisposable
{
    private readonly string[] names;
    private readonly Tensor[] live;
    private readonly Tensor[] copies;
    private int epoch;

    public CtganSnapshot(CtganGenerator generator)
    {
        var state = generator.state_dict();
        names = state.Keys.ToArray();
        live = state.Values.ToArray();
        using (torch.no_grad()) copies = live.Select(t => t.detach().clone()).ToArray();
    }

    /// <summary>Records the generator after an epoch (the caller checked its losses); epochs are counted from 1.</summary>
    public void Keep()
    {
        using (torch.no_grad())
            for (int i = 0; i < live.Length; i++) copies[i].copy_(live[i]);
        epoch++;
    }

    /// <summary>The exception for a divergence in <paramref name="failedEpoch"/>, carrying the kept generator wrapped as a fitted model.</summary>
    public TrainingDivergedException Diverged(int failedEpoch, CtganOptions options, double generatorLoss, double discriminatorLoss, int conditionWidth,
        ModeSpecificNormalizer layout, Func<CtganGenerator, IFittedSynthesizer>? wrap)
    {
        string message = $"CTGAN training diverged in epoch {failedEpoch} of {options.Epochs}: generator loss {generatorLoss}, discriminator loss {discriminatorLoss}. "
            + "Try lower learning rates (--learning-rate, or generator-lr / discriminator-lr)";
        if (epoch == 0 || wrap is null)
            return new TrainingDivergedException(message + (epoch == 0 ? "; no epoch ended with finite losses, so there is no model to keep." : "."), failedEpoch, null);

        using var init = new torch.Generator(0, torch.CPU);  // overwritten by the load; only satisfies the constructor
        var restored = new CtganGenerator(options.EmbeddingDim + conditionWidth, options.GeneratorDims, layout.Spans, options.GumbelTemperature, init);
        try
        {
            restored.to(TorchDevices.Resolve(options.Device));
            restored.load_state_dict(names.Zip(copies).ToDictionary(p => p.First, p => p.Second), strict: true);
            restored.eval();
            return new TrainingDivergedException(message + $"; the model as of epoch {epoch} is kept.", failedEpoch, wrap(restored));
        }
        catch
        {
            restored.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var copy in copies) copy.Dispose();
    }
}
