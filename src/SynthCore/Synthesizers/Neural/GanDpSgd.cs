using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>The GAN family's DP-SGD discriminator (critic) update (<see cref="GanOptions.DpNoiseMultiplier"/>) and its accounting.</summary>
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

    /// <summary>
    /// The RDP of the whole training: one sampled Gaussian release per discriminator update, and for the
    /// conditional GAN the one Gaussian release of its condition's category counts.
    /// </summary>
    public static RdpAccountant Accountant(int rows, GanOptions options)
    {
        var accountant = new RdpAccountant().Compose(SamplingRate(rows, options.BatchSize), options.DpNoiseMultiplier!.Value, (long)options.Steps * options.CriticSteps);
        return options.Condition is null ? accountant : NoisyCategoryCounts.Account(accountant, options.DpCountNoiseMultiplier);
    }

    /// <summary>ε of the whole training at the options' δ (<see cref="Accountant"/>).</summary>
    public static double Epsilon(int rows, GanOptions options) => Accountant(rows, options).GetEpsilon(options.DpDelta).Epsilon;

    /// <summary>The conditional GAN's category counts, released with Gaussian noise from their own seeded stream.</summary>
    public static int[] ReleaseCounts(int[] counts, GanOptions options) =>
        NoisyCategoryCounts.Release([counts], options.DpCountNoiseMultiplier, new RandomStreams(options.Seed).Stream("dp category counts"))[0];

    /// <summary>This step's real rows: each row independently with probability q (Poisson sampling, which the accountant assumes).</summary>
    public long[] SampleRows()
    {
        var chosen = new List<long>();
        for (int r = 0; r < rows; r++)
            if (sampling.NextDouble() < rate) chosen.Add(r);
        return chosen.ToArray();
    }

    /// <summary>
    /// Private discriminator gradient: per real row i, the loss on it and on fake row i (BCE), or
    /// D(fake i) − D(real i) plus the gradient penalty at their interpolate (WGAN-GP), clipped and
    /// noised, divided by the expected batch size. Returns the batch's mean loss and mean penalty
    /// (null for an empty batch).
    /// </summary>
    public (double Loss, double Penalty)? ComputeGradients(GanDiscriminator discriminator, Tensor real, Tensor fake, GanOptions options, torch.Generator random)
    {
        int m = (int)real.shape[0];
        if (options.Loss == GanLoss.WganGp)
            return WassersteinPenalty.PrivateGradients(step, discriminator, real, fake, options.GradientPenalty, random, rate * rows);

        using var realTarget = torch.full(1, 1, options.RealLabel, device: real.device);
        using var fakeTarget = torch.zeros(1, 1, device: real.device);
        step.ComputeGradients(m, i =>
            nn.functional.binary_cross_entropy_with_logits(discriminator.forward(real[i].unsqueeze(0)), realTarget)
            + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake[i].unsqueeze(0)), fakeTarget),
            normaliser: rate * rows);
        if (m == 0) return null;
        using var _ = torch.no_grad();
        using var realTargets = torch.full(m, 1, options.RealLabel, device: real.device);
        using var fakeTargets = torch.zeros(m, 1, device: real.device);
        return ((nn.functional.binary_cross_entropy_with_logits(discriminator.forward(real), realTargets)
            + nn.functional.binary_cross_entropy_with_logits(discriminator.forward(fake), fakeTargets)).item<float>(), 0);
    }
}
