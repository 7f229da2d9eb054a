using System.Diagnostics;
using SynthCore.Data;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Training;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// TVAE's training (Xu et al. 2019): each epoch visits the rows in a seeded random order in
/// batches; the loss is loss-factor × reconstruction (a Gaussian likelihood with the decoder's
/// learned σ for mode scalars, cross-entropy for every one-hot span) plus the KL divergence of
/// the latent posterior from N(0, I), both per row. The reparameterisation noise comes from the
/// fit's own generator.
/// </summary>
internal static class TvaeTrainer
{
    public static (TvaeEncoder Encoder, TvaeDecoder Decoder) Train(float[] data, int rows, CtganLayout layout, TvaeOptions options,
        torch.Generator random, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Stopwatch clock)
    {
        var device = TorchDevices.Resolve(options.Device);
        int width = layout.Width;
        var encoder = new TvaeEncoder(width, options.HiddenLayers, options.EncodingDim, random);
        var decoder = new TvaeDecoder(options.EncodingDim, options.HiddenLayers.Reverse().ToArray(), width, random);
        try
        {
            encoder.to(device);
            decoder.to(device);
            using var optimizer = optim.Adam(encoder.parameters().Concat(decoder.parameters()), options.LearningRate, weight_decay: options.WeightDecay);
            using var table = torch.tensor(data, [rows, width], device: device);
            int batches = (rows + options.BatchSize - 1) / options.BatchSize;
            encoder.train();
            decoder.train();
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                double reconstructionSum = 0, klSum = 0;
                using var order = torch.randperm(rows, generator: random).to(device);
                for (int b = 0; b < batches; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    int start = b * options.BatchSize, count = Math.Min(options.BatchSize, rows - start);
                    var real = table.index_select(0, order.narrow(0, start, count));
                    var (mean, logVariance) = encoder.forward(real);
                    var noise = torch.randn(mean.shape, generator: random).to(device);
                    var codes = mean + noise * (0.5 * logVariance).exp();
                    var reconstruction = Reconstruction(decoder.forward(codes), real, decoder.Sigma, layout.Spans) * options.LossFactor / count;
                    var kl = -0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum() / count;
                    optimizer.zero_grad();
                    (reconstruction + kl).backward();
                    optimizer.step();
                    using (torch.no_grad()) decoder.Sigma.clamp_(0.01, 1.0);
                    reconstructionSum += reconstruction.item<float>() * count;
                    klSum += kl.item<float>() * count;
                }
                double r = reconstructionSum / rows, k = klSum / rows;
                if (!double.IsFinite(r) || !double.IsFinite(k))
                    throw new TrainingDivergedException($"{options.Model.ToUpperInvariant()} training diverged in epoch {epoch}: reconstruction loss {r}, KL divergence {k}. Try a lower learning rate.", epoch, lastGood: null);
                if (progress is not null)
                {
                    var elapsed = clock.Elapsed;
                    progress.Report(new TrainingProgress("train", epoch, options.Epochs,
                        new Dictionary<string, double> { ["reconstruction"] = r, ["kl_divergence"] = k, ["loss"] = r + k },
                        elapsed, TimeSpan.FromTicks(elapsed.Ticks / epoch * (options.Epochs - epoch))));
                }
            }
            encoder.eval();
            decoder.eval();
            return (encoder, decoder);
        }
        catch
        {
            encoder.Dispose();
            decoder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Summed over the batch: for mode scalars (x − tanh(x̂))² / 2σ² + log σ, for one-hot spans the
    /// cross-entropy against the real category.
    /// </summary>
    internal static Tensor Reconstruction(Tensor output, Tensor real, Tensor sigma, IReadOnlyList<OutputSpan> spans)
    {
        Tensor? loss = null;
        long rows = real.shape[0];
        foreach (var s in spans)
        {
            Tensor term;
            if (s.Activation == OutputActivation.Tanh)
            {
                var deviation = sigma.narrow(0, s.Start, 1);
                var error = real.narrow(1, s.Start, 1) - output.narrow(1, s.Start, 1).tanh();
                term = (error.square() / (2 * deviation.square())).sum() + deviation.log().sum() * rows;
            }
            else
                term = nn.functional.cross_entropy(output.narrow(1, s.Start, s.Width), real.narrow(1, s.Start, s.Width).argmax(1), reduction: nn.Reduction.Sum);
            loss = loss is null ? term : loss + term;
        }
        return loss!;
    }
}
