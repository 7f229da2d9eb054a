using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// One DP-SGD step of the VAE (<see cref="TvaeOptions.DpNoiseMultiplier"/>): a Poisson batch of
/// rows, each row's full loss (reconstruction and KL through encoder and decoder) differentiated on
/// its own, clipped over all parameters of both networks, summed, noised and divided by the
/// expected batch size, left in .grad for the optimizer.
/// </summary>
internal sealed class TvaeDpSgd
{
    private readonly DpSgdOptimizerStep step;
    private readonly TvaeEncoder encoder;
    private readonly TvaeDecoder decoder;
    private readonly TvaeLoss loss;
    private readonly torch.Generator noise;
    private readonly Random sampling;
    private readonly double rate;
    private readonly int rows;

    /// <param name="noise">The fit's generator: reparameterisation noise and the gradient noise.</param>
    /// <param name="sampling">The Poisson sampling stream.</param>
    public TvaeDpSgd(TvaeEncoder encoder, TvaeDecoder decoder, TvaeLoss loss, TvaeOptions options, int rows, torch.Generator noise, Random sampling)
    {
        step = new DpSgdOptimizerStep(encoder.parameters().Concat(decoder.parameters()), options.DpMaxGradNorm, options.DpNoiseMultiplier!.Value, noise);
        this.encoder = encoder;
        this.decoder = decoder;
        this.loss = loss;
        this.noise = noise;
        this.sampling = sampling;
        this.rows = rows;
        rate = TvaePrivacy.RateFor(rows, options.BatchSize);
        StepsPerEpoch = TvaePrivacy.StepsPerEpoch(rows, options.BatchSize);
    }

    /// <summary>⌈rows / batch⌉: an epoch samples each row once in expectation.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>
    /// Samples a batch (each row independently with probability q, as the accountant assumes) and
    /// computes its private gradient. Returns the batch's summed reconstruction and KL losses and
    /// its size; a non-finite loss throws <paramref name="diverged"/>'s exception before any gradient is applied.
    /// </summary>
    /// <param name="lossScale">Multiplies the first row's loss (1; NaN only for the divergence test seam).</param>
    public (double Reconstruction, double Kl, int Rows) Step(Tensor table, float lossScale, Func<double, double, TrainingDivergedException> diverged)
    {
        var chosen = new List<long>();
        for (int r = 0; r < rows; r++)
            if (sampling.NextDouble() < rate) chosen.Add(r);
        var batch = chosen.Count == 0 ? null : table.index_select(0, torch.tensor(chosen.ToArray(), device: table.device));
        double reconstructionSum = 0, klSum = 0;
        step.ComputeGradients(chosen.Count, i =>
        {
            var row = batch!.narrow(0, i, 1);
            var (mean, logVariance) = encoder.forward(row);
            var codes = mean + torch.randn(mean.shape, generator: noise).to(row.device) * (0.5 * logVariance).exp();
            var (reconstruction, kl) = loss.Compute(decoder.forward(codes), row, decoder.Sigma, mean, logVariance);
            if (i == 0 && lossScale != 1f) reconstruction = reconstruction * lossScale;
            double r = reconstruction.item<float>(), k = kl.item<float>();
            if (!double.IsFinite(r) || !double.IsFinite(k)) throw diverged(r, k);
            reconstructionSum += r;
            klSum += k;
            return reconstruction + kl;
        }, normaliser: rate * rows);
        return (reconstructionSum, klSum, chosen.Count);
    }
}
