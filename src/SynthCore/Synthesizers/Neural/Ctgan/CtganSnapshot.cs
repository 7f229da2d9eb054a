using System.Text;
using SynthCore.Training;
using TorchSharp;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// The generator as of the last epoch that ended with finite losses (its weights and batch-norm
/// statistics, serialised as a model file stores them), so a training that diverges can hand back
/// that model in <see cref="TrainingDivergedException.LastGood"/>. Bytes rather than a second live
/// module: a copy per epoch costs a few hundred kilobytes and no native handles.
/// </summary>
internal sealed class CtganSnapshot
{
    private byte[]? weights;
    private int epoch;

    /// <summary>Records the generator after epoch <see cref="Keep"/> is called for (the caller checked its losses).</summary>
    public void Keep(CtganGenerator generator)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) generator.save(writer);
        weights = buffer.ToArray();
        epoch++;
    }

    /// <summary>The exception for a divergence in <paramref name="failedEpoch"/>, carrying the kept generator wrapped as a fitted model.</summary>
    public TrainingDivergedException Diverged(int failedEpoch, CtganOptions options, double generatorLoss, double discriminatorLoss, int conditionWidth,
        CtganLayout layout, Func<CtganGenerator, IFittedSynthesizer>? wrap)
    {
        string message = $"CTGAN training diverged in epoch {failedEpoch} of {options.Epochs}: generator loss {generatorLoss}, discriminator loss {discriminatorLoss}. "
            + "Try lower learning rates (--learning-rate, or generator-lr / discriminator-lr)";
        if (weights is null || wrap is null)
            return new TrainingDivergedException(message + (weights is null ? "; no epoch ended with finite losses, so there is no model to keep." : "."), failedEpoch, null);

        using var init = new torch.Generator(0, torch.CPU);  // overwritten by load; only satisfies the constructor
        var restored = new CtganGenerator(options.EmbeddingDim + conditionWidth, options.GeneratorDims, layout.Spans, options.GumbelTemperature, init);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(weights, writable: false), Encoding.UTF8);
            restored.load(reader, strict: true);
            restored.to(TorchDevices.Resolve(options.Device));
            restored.eval();
            return new TrainingDivergedException(message + $"; the model as of epoch {epoch} is kept.", failedEpoch, wrap(restored));
        }
        catch
        {
            restored.Dispose();
            throw;
        }
    }
}
