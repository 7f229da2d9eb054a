using TorchSharp;
using SynthCore.Transforms;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// CTGAN's DP-SGD critic step (<see cref="CtganOptions.DpNoiseMultiplier"/>) and its accounting.
/// Each critic step Poisson-samples the real rows (rate q = batch / rows, as the RDP accountant
/// assumes); real row i gets its conditional vector from itself (a categorical column drawn
/// uniformly, data-independent, set to the row's own category there), generated row i gets one drawn
/// from the released noisy frequencies (so no generated row depends on a real one through the
/// generator's batch normalisation), and example i's loss D(fake i) − D(real i) plus the gradient
/// penalty at their interpolate is clipped and noised by <see cref="DpSgdOptimizerStep"/>.
/// </summary>
internal sealed class CtganDpSgd : IDisposable
{
    private readonly DpSgdOptimizerStep step;
    private readonly double rate;
    private readonly int rows;
    private readonly Random sampling;
    private readonly torch.Generator random;
    private readonly int columns;
    private readonly Tensor? conditionOfRow;  // rows × conditional width: every categorical segment's one-hot of the row
    private readonly Tensor? columnOfIndex;   // conditional width: the categorical column of each conditional-vector index

    /// <param name="table">The encoded rows (rows × layout width) on the training device.</param>
    public CtganDpSgd(CtganDiscriminator discriminator, CtganOptions options, Tensor table, ModeSpecificNormalizer layout, torch.Generator random)
    {
        step = new DpSgdOptimizerStep(discriminator.parameters(), options.DpMaxGradNorm, options.DpNoiseMultiplier!.Value, random);
        rows = (int)table.shape[0];
        rate = SamplingRate(rows, options.BatchSize);
        // Poisson batches from their own seeded stream, so the non-private path's draws are unchanged.
        sampling = new RandomStreams(options.Seed).Stream("dp batches");
        this.random = random;
        var segments = layout.Discrete.ToArray();
        columns = segments.Length;
        if (columns > 0)
        {
            conditionOfRow = torch.cat(segments.Select(s => table.narrow(1, s.Start, s.Width)).ToArray(), 1);
            columnOfIndex = torch.tensor(segments.SelectMany((s, c) => Enumerable.Repeat((long)c, s.Width)).ToArray(), device: table.device);
        }
    }

    /// <summary>q: each real row's chance of being in a critic step's batch.</summary>
    public static double SamplingRate(int rows, int batchSize) => Math.Min(1, (double)batchSize / rows);

    /// <summary>Critic updates of a training: epochs × steps per epoch × critic steps.</summary>
    public static long CriticUpdates(int rows, CtganOptions options) =>
        (long)options.Epochs * Math.Max(rows / options.BatchSize, 1) * options.DiscriminatorSteps;

    /// <summary>
    /// The RDP of a whole training: one sampled Gaussian release per critic update, plus the one
    /// Gaussian release of the category counts when the table has categorical columns.
    /// </summary>
    public static RdpAccountant Accountant(int rows, CtganOptions options, int categoricalColumns)
    {
        var accountant = new RdpAccountant().Compose(SamplingRate(rows, options.BatchSize), options.DpNoiseMultiplier!.Value, CriticUpdates(rows, options));
        return categoricalColumns == 0 ? accountant : NoisyCategoryCounts.Account(accountant, options.DpCountNoiseMultiplier);
    }

    /// <summary>ε at the options' δ (<see cref="Accountant"/>).</summary>
    public static double Epsilon(int rows, CtganOptions options, int categoricalColumns) =>
        Accountant(rows, options, categoricalColumns).GetEpsilon(options.DpDelta).Epsilon;

    /// <summary>The category counts released with Gaussian noise, from their own seeded stream.</summary>
    public static int[][] ReleaseCounts(int[][] counts, CtganOptions options) =>
        counts.Length == 0 ? counts : NoisyCategoryCounts.Release(counts, options.DpCountNoiseMultiplier, new RandomStreams(options.Seed).Stream("dp category counts"));

    /// <summary>
    /// One private critic update's gradient (left in the critic's .grad for the optimizer).
    /// Returns the batch's mean critic loss and mean penalty, or null for an empty Poisson batch.
    /// </summary>
    public (double Loss, double Penalty)? ComputeGradients(CtganGenerator generator, CtganDiscriminator discriminator, ConditionalVectorSampler sampler,
        Tensor table, CtganOptions options)
    {
        var chosen = SampleRows(table.device);
        int m = (int)chosen.shape[0];
        var real = table.index_select(0, chosen);
        // At least two generated rows: the generator's batch normalisation needs them.
        int generated = Math.Max(m, 2);
        Tensor input = torch.randn([generated, options.EmbeddingDim], generator: random).to(table.device);
        Tensor? fakeCondition = null;
        if (columns > 0)
        {
            (fakeCondition, _) = sampler.SampleOriginal(generated);
            fakeCondition = fakeCondition.to(table.device);
            input = torch.cat([input, fakeCondition], 1);
            real = torch.cat([real, RealConditions(chosen)], 1);
        }
        Tensor fake;
        using (torch.no_grad()) fake = generator.Activate(generator.forward(input));
        if (fakeCondition is not null) fake = torch.cat([fake, fakeCondition], 1);

        return WassersteinPenalty.PrivateGradients(step, discriminator, real, fake, options.GradientPenalty, random, rate * rows);
    }

    /// <summary>This step's real rows: each row independently with probability q.</summary>
    private Tensor SampleRows(Device device)
    {
        var chosen = new List<long>();
        for (int r = 0; r < rows; r++)
            if (sampling.NextDouble() < rate) chosen.Add(r);
        return torch.tensor(chosen.ToArray(), dtype: ScalarType.Int64, device: device);
    }

    /// <summary>Each chosen row's conditional vector: a uniformly drawn categorical column set to the row's own category.</summary>
    private Tensor RealConditions(Tensor chosen)
    {
        var column = torch.randint(0, columns, [chosen.shape[0]], dtype: ScalarType.Int64, generator: random).to(chosen.device);
        var mask = columnOfIndex!.unsqueeze(0).eq(column.unsqueeze(1)).to(ScalarType.Float32);
        return conditionOfRow!.index_select(0, chosen) * mask;
    }

    public void Dispose()
    {
        conditionOfRow?.Dispose();
        columnOfIndex?.Dispose();
    }
}
