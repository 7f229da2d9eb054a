using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// TVAE's training (Xu et al. 2019): each epoch visits the rows in a seeded random order in
/// batches; the loss is loss-factor × reconstruction (a Gaussian likelihood with the decoder's
/// learned σ for mode scalars, cross-entropy for every one-hot span) plus the KL divergence of
/// the latent posterior from N(0, I), both per row. The reparameterisation noise comes from the
/// fit's own generator. With <see cref="TvaeOptions.DpNoiseMultiplier"/> each step is DP-SGD
/// instead (<see cref="TvaeDpSgd"/>). After every epoch whose losses and weights are finite the
/// networks are copied aside, so a later divergence still yields that last good model.
/// </summary>
internal static class TvaeTrainer
{
    /// <summary>Trained networks in eval mode, and the DP-SGD steps taken (0 without DP-SGD).</summary>
    public sealed record Result(TvaeEncoder Encoder, TvaeDecoder Decoder, long PrivateSteps);

    /// <param name="wrap">Makes a fitted model of networks and the DP-SGD steps that trained them: the last good model on divergence.</param>
    /// <param name="corruptEpoch">Test seam: the first loss of this epoch is made NaN, to exercise divergence (0: never).</param>
    /// <exception cref="TrainingDivergedException">A loss or weight became NaN or infinite; carries the model as of the last finite epoch, or none in the first.</exception>
    public static Result Train(float[] data, int rows, ModeSpecificNormalizer layout, TvaeOptions options,
        torch.Generator random, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Stopwatch clock,
        Func<TvaeEncoder, TvaeDecoder, long, IFittedSynthesizer> wrap, int corruptEpoch = 0)
    {
        var device = TorchDevices.Resolve(options.Device);
        int width = layout.Width;
        var hidden = options.HiddenLayers;
        var encoder = new TvaeEncoder(width, hidden, options.EncodingDim, random);
        var decoder = new TvaeDecoder(options.EncodingDim, hidden.Reverse().ToArray(), width, random);
        // The last good copies are initialised from their own generator: the fit's stream stays as it was without them.
        using var copyInit = new torch.Generator(0, torch.CPU);
        TvaeEncoder? goodEncoder = new TvaeEncoder(width, hidden, options.EncodingDim, copyInit);
        TvaeDecoder? goodDecoder = new TvaeDecoder(options.EncodingDim, hidden.Reverse().ToArray(), width, copyInit);
        int goodEpoch = 0;
        long steps = 0, goodSteps = 0;
        try
        {
            encoder.to(device);
            decoder.to(device);
            goodEncoder.to(device);
            goodDecoder.to(device);
            using var optimizer = optim.Adam(encoder.parameters().Concat(decoder.parameters()), options.LearningRate, weight_decay: options.WeightDecay);
            using var table = torch.tensor(data, [rows, width], device: device);
            using var loss = new TvaeLoss(layout.Spans, options.LossFactor, device);
            // DP-SGD draws its Poisson batches from its own seeded stream, so the non-private path is unchanged.
            var dp = options.DpNoiseMultiplier is null ? null
                : new TvaeDpSgd(encoder, decoder, loss, options, rows, random, new RandomStreams(options.Seed).Stream("dp batches"));
            int batches = dp?.StepsPerEpoch ?? (rows + options.BatchSize - 1) / options.BatchSize;
            encoder.train();
            decoder.train();
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                double reconstructionSum = 0, klSum = 0;
                int seen = 0;
                bool corrupt = epoch == corruptEpoch;
                using var order = dp is null ? torch.randperm(rows, generator: random).to(device) : null;
                for (int b = 0; b < batches; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    if (dp is not null)
                    {
                        var (r, k, m) = dp.Step(table, corrupt ? float.NaN : 1f, (r, k) => Diverged(epoch, r, k));
                        if (m > 0) corrupt = false;
                        optimizer.step();
                        steps++;
                        reconstructionSum += r;
                        klSum += k;
                        seen += m;
                    }
                    else
                    {
                        int start = b * options.BatchSize, count = Math.Min(options.BatchSize, rows - start);
                        var real = table.index_select(0, order!.narrow(0, start, count));
                        var (mean, logVariance) = encoder.forward(real);
                        var noise = torch.randn(mean.shape, generator: random).to(device);
                        var codes = mean + noise * (0.5 * logVariance).exp();
                        var (summed, klSummed) = loss.Compute(decoder.forward(codes), real, decoder.Sigma, mean, logVariance);
                        var reconstruction = summed / count;
                        if (corrupt) reconstruction = reconstruction * float.NaN;
                        corrupt = false;
                        var kl = klSummed / count;
                        double r = reconstruction.item<float>(), k = kl.item<float>();
                        // Checked before the update, so a bad loss never reaches the weights.
                        if (!double.IsFinite(r) || !double.IsFinite(k)) throw Diverged(epoch, r, k);
                        optimizer.zero_grad();
                        (reconstruction + kl).backward();
                        optimizer.step();
                        reconstructionSum += r * count;
                        klSum += k * count;
                        seen += count;
                    }
                    using (torch.no_grad()) decoder.Sigma.clamp_(0.01, 1.0);
                }
                double epochReconstruction = reconstructionSum / Math.Max(seen, 1), epochKl = klSum / Math.Max(seen, 1);
                // A finite loss can still be followed by an update that overflows the weights.
                if (!Finite(encoder) || !Finite(decoder)) throw Diverged(epoch, double.NaN, double.NaN, weights: true);
                CopyParameters(encoder, goodEncoder);
                CopyParameters(decoder, goodDecoder);
                (goodEpoch, goodSteps) = (epoch, steps);
                if (progress is not null)
                {
                    var elapsed = clock.Elapsed;
                    progress.Report(new TrainingProgress("train", epoch, options.Epochs,
                        new Dictionary<string, double> { ["reconstruction"] = epochReconstruction, ["kl_divergence"] = epochKl, ["loss"] = epochReconstruction + epochKl },
                        elapsed, TimeSpan.FromTicks(elapsed.Ticks / epoch * (options.Epochs - epoch))));
                }
            }
            goodEncoder.Dispose();
            goodDecoder.Dispose();
            encoder.eval();
            decoder.eval();
            return new Result(encoder, decoder, steps);
        }
        catch
        {
            encoder.Dispose();
            decoder.Dispose();
            goodEncoder?.Dispose();
            goodDecoder?.Dispose();
            throw;
        }

        TrainingDivergedException Diverged(int epoch, double reconstruction, double kl, bool weights = false)
        {
            string what = weights ? "the weights became infinite or NaN" : $"reconstruction loss {reconstruction}, KL divergence {kl}";
            string message = $"{options.Model.ToUpperInvariant()} training diverged in epoch {epoch} of {options.Epochs}: {what}. Try a lower --learning-rate (now {options.LearningRate})";
            if (goodEpoch == 0) return new TrainingDivergedException(message + "; no epoch finished soundly, so there is no model to keep.", epoch, lastGood: null);
            goodEncoder!.eval();
            goodDecoder!.eval();
            var lastGood = wrap(goodEncoder, goodDecoder, goodSteps);
            // The copies now belong to the last good model.
            (goodEncoder, goodDecoder) = (null, null);
            return new TrainingDivergedException(message + $"; the model as of epoch {goodEpoch} is kept.", epoch, lastGood);
        }
    }

    private static bool Finite(nn.Module module)
    {
        using var scope = torch.NewDisposeScope();
        return module.parameters().All(p => p.isfinite().all().item<bool>());
    }

    private static void CopyParameters(nn.Module from, nn.Module to)
    {
        using var _ = torch.no_grad();
        foreach (var (source, target) in from.parameters().Zip(to.parameters())) target.copy_(source);
    }
}
