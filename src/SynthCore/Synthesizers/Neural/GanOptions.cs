using System.Text.Json.Serialization;
using SynthCore.Torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>The adversarial loss of the screen-time GAN.</summary>
public enum GanLoss
{
    /// <summary>Binary cross-entropy with a sigmoid discriminator (the notebook's).</summary>
    Bce,
    /// <summary>Wasserstein loss with a gradient penalty (Gulrajani et al. 2017): an unbounded critic.</summary>
    WganGp,
}

/// <summary>
/// Options of the screen-time GAN (<see cref="GanSynthesizer"/>). The defaults are the original
/// notebook's (noise 100, 10,000 steps of batch 128, Adam 2e-4 / 0.5 / 0.999), plus two standard
/// stabilisers the notebook lacked: one-sided label smoothing and Gumbel-softmax categorical outputs.
/// <para>DP-SGD (<see cref="NeuralTrainingOptions.DpNoiseMultiplier"/>) on the discriminator (Abadi et al. 2016; as in DP-GAN, Xie et al. 2018): null trains
/// normally; a value σ Poisson-samples each critic step's real rows with rate batch / rows, clips
/// each example's discriminator gradient to <see cref="DpMaxGradNorm"/> and adds N(0, σ²C²) noise.
/// Example i's loss is the loss on real row i and on one generated row; with WGAN-GP it also holds
/// the gradient penalty at their interpolate, so the penalty is clipped with the row it touches.
/// The generator sees the data only through the discriminator, so it inherits the guarantee
/// (<see cref="FittedGan.DifferentialPrivacy"/>). The conditional GAN's generated rows take their
/// condition from the category shares released by <see cref="DpCountNoiseMultiplier"/>, never from
/// the real batch. Needs <see cref="Pac"/> = 1. Slow: one backward pass per example.</para>
/// <para>Private (ε, δ): the networks' weights and, for cgan, the stored category shares.
/// Not private: what the table transform reads from the raw data (column min / max, category
/// sets, which columns have missing values) and the row count.</para>
/// </summary>
public sealed record GanOptions : NeuralTrainingOptions, IValidatedOptions
{
    /// <summary>Length of the generator's noise vector.</summary>
    public int LatentDim { get; init; } = 100;

    /// <summary>Training steps; each updates the discriminator once and the generator once.</summary>
    public int Steps { get; init; } = 10_000;

    /// <summary>Rows per step (at least 2, for batch normalisation), drawn with replacement from the table.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate of both networks.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Adam β1 (0.5 rather than 0.9, the usual GAN choice: less momentum, less oscillation).</summary>
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Adam β2.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Steps between progress reports (the last step is always reported).</summary>
    public int ProgressEvery { get; init; } = 100;

    /// <summary>
    /// Target of the discriminator for real rows (one-sided label smoothing, Salimans et al. 2016):
    /// below 1 it keeps the discriminator from becoming over-confident on a small table, which
    /// keeps the generator's gradients alive. 1 disables it.
    /// </summary>
    public double RealLabel { get; init; } = 0.9;

    /// <summary>
    /// Temperature of the Gumbel-softmax on categorical outputs. Real one-hot rows are exactly 0/1;
    /// a plain softmax would give the discriminator a trivial tell, while Gumbel-softmax at a low
    /// temperature yields near one-hot draws whose frequencies the generator can learn.
    /// </summary>
    public double GumbelTemperature { get; init; } = 0.2;

    /// <summary>
    /// Rows the discriminator judges together (PacGAN, Lin et al. 2018): it sees packs of this many
    /// rows side by side, so a generator that drops a mode (say, the apps with almost no
    /// notifications) is caught by the packs' lack of variety. 1 is the plain GAN. Must divide
    /// <see cref="BatchSize"/>.
    /// </summary>
    public int Pac { get; init; } = 4;

    /// <summary>
    /// Decay of the exponential moving average of the generator's weights that is kept and
    /// returned (Yazıcı et al. 2019): a GAN's generator oscillates around a good solution, and
    /// the average of its recent weights sits closer to it than any single step. 0 returns the
    /// last step's generator unchanged.
    /// </summary>
    public double GeneratorAverageDecay { get; init; } = 0.995;

    /// <summary>The adversarial loss (<c>wgan-gp</c> registers the GAN with <see cref="GanLoss.WganGp"/> and Gulrajani et al.'s settings).</summary>
    public GanLoss Loss { get; init; } = GanLoss.Bce;

    /// <summary>Discriminator (critic) updates per generator update: 1 for BCE, 5 in WGAN-GP (n_critic).</summary>
    public int CriticSteps { get; init; } = 1;

    /// <summary>Weight λ of the gradient penalty (WGAN-GP only): (‖∇D(x̂)‖ − 1)² on real/fake interpolates.</summary>
    public double GradientPenalty { get; init; } = 10;

    /// <summary>
    /// The categorical column the generator is conditioned on (the conditional GAN, <c>cgan</c>);
    /// null for an unconditional GAN. Generator and discriminator both see its one-hot value, and
    /// sampling that column's categories feeds them to the generator instead of rejecting rows.
    /// </summary>
    public string? Condition { get; init; }

    /// <summary>The registry name these options describe: <c>cgan</c>, <c>wgan-gp</c> or <c>gan</c>.</summary>
    [JsonIgnore]
    public string ModelName => Condition is not null ? GanSynthesizer.ConditionalName : Loss == GanLoss.WganGp ? GanSynthesizer.WassersteinName : GanSynthesizer.Name;

    /// <summary>
    /// WGAN-GP's settings from Gulrajani et al. 2017 (Algorithm 1: λ 10, n_critic 5, Adam 1e-4,
    /// β 0.5 / 0.9, as in their released GAN code for non-image data), on top of the GAN's others.
    /// Weight averaging is kept: it smooths a Wasserstein generator just as well.
    /// </summary>
    public static GanOptions WganGpDefaults { get; } = new()
    {
        Loss = GanLoss.WganGp, CriticSteps = 5, GradientPenalty = 10, LearningRate = 1e-4, Beta1 = 0.5, Beta2 = 0.9,
        RealLabel = 1, Steps = 2000,
    };

    /// <summary>
    /// σ of the Gaussian release of the condition column's category counts (cgan with DP-SGD only):
    /// each count gets N(0, σ²) noise (<see cref="Privacy.NoisyCategoryCounts"/>), added to the same
    /// RDP account. The noisy shares feed the generator's conditions in training and in sampling.
    /// </summary>
    public double DpCountNoiseMultiplier { get; init; } = 5;

    /// <summary>Throws <see cref="SynthOptionException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (LatentDim < 1) throw new SynthOptionException("latent-dim", $"must be at least 1 (got {LatentDim}).");
        if (Steps < 1) throw new SynthOptionException("steps", $"must be at least 1 (got {Steps}).");
        if (BatchSize < 2) throw new SynthOptionException("batch-size", $"must be at least 2: the generator's batch normalisation needs two rows (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new SynthOptionException("learning-rate", $"must be a positive number (got {LearningRate}).");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new SynthOptionException("beta1", $"must be in [0, 1) (got {Beta1}).");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new SynthOptionException("beta2", $"must be in [0, 1) (got {Beta2}).");
        if (Pac < 1) throw new SynthOptionException("pac", $"must be at least 1 (got {Pac}).");
        if (BatchSize % Pac != 0)
            throw new SynthOptionException("pac", $"must divide the batch size {BatchSize} (got {Pac}).");
        if (!(GeneratorAverageDecay >= 0 && GeneratorAverageDecay < 1))
            throw new SynthOptionException("generator-average-decay", $"must be in [0, 1) (got {GeneratorAverageDecay}).");
        SynthCore.Resources.ResourceGuard.EnsureThreads("threads", Threads);
        if (ProgressEvery < 1) throw new SynthOptionException("progress-every", $"must be at least 1 (got {ProgressEvery}).");
        if (!(RealLabel > 0.5 && RealLabel <= 1)) throw new SynthOptionException("real-label", $"must be in (0.5, 1] (got {RealLabel}).");
        if (!(GumbelTemperature > 0) || double.IsInfinity(GumbelTemperature))
            throw new SynthOptionException("gumbel-temperature", $"must be a positive number (got {GumbelTemperature}).");
        if (CriticSteps < 1) throw new SynthOptionException("critic-steps", $"must be at least 1 (got {CriticSteps}).");
        if (!(GradientPenalty >= 0) || double.IsInfinity(GradientPenalty))
            throw new SynthOptionException("gradient-penalty", $"must be a non-negative number (got {GradientPenalty}).");
        if (Condition is not null && string.IsNullOrWhiteSpace(Condition))
            throw new SynthOptionException("condition", "must name a categorical column.");
        DpSgdOptionChecks.Validate(DpNoiseMultiplier, DpMaxGradNorm, DpDelta, Pac, DpCountNoiseMultiplier);
        TorchDevices.Resolve(Device, "device");
    }
}
