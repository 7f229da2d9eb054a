using SynthCore.Privacy;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>The GAN's DP-SGD discriminator update (<see cref="GanOptions.DpNoiseMultiplier"/>) and its accounting.</summary>
internal sealed class GanDpSgd
{
    private readonly DpSgdOptimizerStep step;
    private readonly double rate;
    private readonly int rows;
    private readonly Random sampling;

    public GanDpSgd(GanDiscriminator discriminator, GanOptions options, int rows, torch.Generator noise, Random sampling)
    {
        step = new DpSgdOptimizerStep(discriminator.parameters(), options.DpMaxGradNorm, options.DpNoiseMultiplier!.Value, noise);
        rate = SamplingRate(rows, options.BatchSize);
        this.rows = rows;
        this.sampling = sampling;
    }

    /// <summary>q: each real row's chance of being in a step's batch.</summary>
    public static double SamplingRate(int rows, int batchSize) => Math.Min(1, (double)batchSize / rows);

    /// <summary>ε of the whole training at the options' δ: one sampled Gaussian release per discriminator update.</summary>
    public static double Epsilon(int rows, GanOptions options) =>
        new RdpAccountant().Compose(SamplingRate(rows, options.BatchSize), options.DpNoiseMultiplier!.Value, (long)options.Steps * options.CriticSteps)
            .GetEpsilon(options.DpDelta).Epsilon;

    /// <summary>This step's real rows: each row independently with probability q (Poisson sampling, which the accountant assumes).</summary>
    public long[] SampleRows()
    {
        var chosen = new List<long>();
        for (int r = 0; r < rows; r++)
            if (sampling.NextDouble() < rate) chosen.Add(r);
        return chosen.ToArray();
    }

    /// <summary>
    /// Private discriminator gradient: per real row i, the loss on it and on fake row i, clipped and
    /// noised, divided by the expected batch size. Returns the batch's mean loss (null for an empty batch).
    /// </summary>
    public double? ComputeGradients(GanDiscriminator discriminator, Tensor real, Tensor fake, double realLabel)
    {
        int m = (int)real.shape[0];
        using var realTarget = torch.full(1, 1, realLabel, device: real.device);
        using var fakeTarget = torch.zeros(1, 1, device: real.device);
        step.ComputeGradients(m, i =>
            nn.functional.binary_cross_entropy_with_logits(discriminator.forward(real[i].unsqueeze(0)), realTarget)
            + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake[i].unsqueeze(0)), fakeTarget),
            normaliser: rate * rows);
        if (m == 0) return null;
        using var _ = torch.no_grad();
        using var realTargets = torch.full(m, 1, realLabel, device: real.device);
        using var fakeTargets = torch.zeros(m, 1, device: real.device);
        return (nn.functional.binary_cross_entropy_with_logits(discriminator.forward(real), realTargets)
            + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake), fakeTargets)).item<float>();
    }
}
