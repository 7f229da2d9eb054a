using SynthCore.Torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// Options of <see cref="CtganSynthesizer"/>; the defaults are Xu et al. 2019's (and SDV's CTGAN's).
/// <para>DP-SGD (<see cref="NeuralTrainingOptions.DpNoiseMultiplier"/>) on the critic (<see cref="CtganDpSgd"/>): null trains normally; a value σ Poisson-samples
/// each critic step's real rows with rate batch / rows, clips each example's critic gradient (its
/// WGAN loss and its gradient-penalty term) to <see cref="DpMaxGradNorm"/> and adds N(0, σ²C²) noise;
/// the category counts behind the conditional vectors are released once with Gaussian noise
/// (<see cref="DpCountNoiseMultiplier"/>). Needs <see cref="Pac"/> = 1. Training-by-sampling changes:
/// each real row's conditional vector comes from the row itself (a categorical column chosen
/// uniformly, the row's own category in it), and the generator's conditional vectors are drawn at
/// the noisy real frequencies (not log-frequencies: <see cref="LogFrequency"/> is ignored), so the
/// critic sees the same condition distribution on both sides and no row is chosen by its category.</para>
/// <para>Private, (ε, δ) from <see cref="FittedCtgan.DifferentialPrivacy"/>: the generator's weights
/// and the stored category counts. Not private: the layout read from the raw data before training,
/// that is each numeric column's min / max and its mode-specific normalisation (the variational
/// Gaussian mixture's modes, means, deviations and weights), the category sets, which columns have
/// missing values, and the row count. The guarantee treats that layout as public.</para>
/// </summary>
public sealed record CtganOptions : NeuralTrainingOptions, IValidatedOptions
{
    /// <summary>Epochs: passes of rows / batch-size steps each.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per step; a multiple of <see cref="Pac"/>.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Noise length (CTGAN's embedding_dim).</summary>
    public int EmbeddingDim { get; init; } = 128;

    /// <summary>Residual block widths of the generator.</summary>
    public IReadOnlyList<int> GeneratorDims { get; init; } = [256, 256];

    /// <summary>Hidden layer widths of the discriminator.</summary>
    public IReadOnlyList<int> DiscriminatorDims { get; init; } = [256, 256];

    /// <summary>Adam learning rate of the generator.</summary>
    public double GeneratorLearningRate { get; init; } = 2e-4;

    /// <summary>Adam learning rate of the discriminator.</summary>
    public double DiscriminatorLearningRate { get; init; } = 2e-4;

    /// <summary>Adam weight decay of both networks.</summary>
    public double WeightDecay { get; init; } = 1e-6;

    public double Beta1 { get; init; } = 0.5;

    public double Beta2 { get; init; } = 0.9;

    /// <summary>Discriminator updates per generator update (CTGAN's discriminator_steps).</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>Rows the discriminator judges together (PacGAN).</summary>
    public int Pac { get; init; } = 10;

    /// <summary>Weight λ of the WGAN gradient penalty.</summary>
    public double GradientPenalty { get; init; } = 10;

    /// <summary>Dropout of the discriminator's hidden layers.</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>τ of the Gumbel-softmax on one-hot outputs.</summary>
    public double GumbelTemperature { get; init; } = 0.2;

    /// <summary>Most mixture components per numeric column.</summary>
    public int MaxModes { get; init; } = 10;

    /// <summary>Mixture components at or below this weight are dropped.</summary>
    public double ModeWeightThreshold { get; init; } = 0.005;

    /// <summary>Training-by-sampling draws categories by log(1 + count) (true) or by count (false).</summary>
    public bool LogFrequency { get; init; } = true;

    /// <summary>
    /// 0 (the paper's) returns the generator as trained; a decay d in (0, 1) returns an exponential
    /// moving average of its weights over the steps (each step: average ← d · average + (1 − d) ·
    /// weights; Yazıcı et al. 2019), which smooths out the last steps' oscillation of an adversarial
    /// fit, as the screen-time GAN's generator-average-decay does.
    /// </summary>
    public double GeneratorAverageDecay { get; init; }

    /// <summary>σ of the Gaussian release of the category counts (with DP-SGD): each count gets N(0, σ²·columns) noise.</summary>
    public double DpCountNoiseMultiplier { get; init; } = 5;

    // Records compare lists by reference; options compare by the widths they hold.
    public bool Equals(CtganOptions? other) =>
        other is not null && EqualityContract == other.EqualityContract
        && GeneratorDims.SequenceEqual(other.GeneratorDims) && DiscriminatorDims.SequenceEqual(other.DiscriminatorDims)
        && (Epochs, BatchSize, EmbeddingDim, GeneratorLearningRate, DiscriminatorLearningRate, WeightDecay, Beta1, Beta2, DiscriminatorSteps, Pac, GradientPenalty, Dropout)
            == (other.Epochs, other.BatchSize, other.EmbeddingDim, other.GeneratorLearningRate, other.DiscriminatorLearningRate, other.WeightDecay, other.Beta1, other.Beta2, other.DiscriminatorSteps, other.Pac, other.GradientPenalty, other.Dropout)
        && (GumbelTemperature, MaxModes, ModeWeightThreshold, LogFrequency, DpCountNoiseMultiplier)
            == (other.GumbelTemperature, other.MaxModes, other.ModeWeightThreshold, other.LogFrequency, other.DpCountNoiseMultiplier)
        && base.Equals(other);

    public override int GetHashCode() => HashCode.Combine(Epochs, BatchSize, EmbeddingDim, Seed, Pac, GeneratorDims.Count, DiscriminatorDims.Count);

    /// <summary>Throws <see cref="SynthOptionException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new SynthOptionException("epochs", $"must be at least 1 (got {Epochs}).");
        if (Pac < 1) throw new SynthOptionException("pac", $"must be at least 1 (got {Pac}).");
        if (BatchSize < 2 || BatchSize % Pac != 0)
            throw new SynthOptionException("batch-size", $"must be at least 2 and a multiple of pac {Pac} (got {BatchSize}).");
        if (EmbeddingDim < 1) throw new SynthOptionException("embedding-dim", $"must be at least 1 (got {EmbeddingDim}).");
        if (GeneratorDims.Count == 0 || GeneratorDims.Any(d => d < 1))
            throw new SynthOptionException("generator-dims", $"must be one or more positive widths (got {string.Join(",", GeneratorDims)}).");
        if (DiscriminatorDims.Count == 0 || DiscriminatorDims.Any(d => d < 1))
            throw new SynthOptionException("discriminator-dims", $"must be one or more positive widths (got {string.Join(",", DiscriminatorDims)}).");
        if (!(GeneratorLearningRate > 0) || double.IsInfinity(GeneratorLearningRate))
            throw new SynthOptionException("generator-lr", $"must be a positive number (got {GeneratorLearningRate}).");
        if (!(DiscriminatorLearningRate > 0) || double.IsInfinity(DiscriminatorLearningRate))
            throw new SynthOptionException("discriminator-lr", $"must be a positive number (got {DiscriminatorLearningRate}).");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay)) throw new SynthOptionException("weight-decay", $"must be a non-negative number (got {WeightDecay}).");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new SynthOptionException("beta1", $"must be in [0, 1) (got {Beta1}).");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new SynthOptionException("beta2", $"must be in [0, 1) (got {Beta2}).");
        if (DiscriminatorSteps < 1) throw new SynthOptionException("discriminator-steps", $"must be at least 1 (got {DiscriminatorSteps}).");
        if (!(GradientPenalty >= 0) || double.IsInfinity(GradientPenalty)) throw new SynthOptionException("gradient-penalty", $"must be a non-negative number (got {GradientPenalty}).");
        if (!(Dropout >= 0 && Dropout < 1)) throw new SynthOptionException("dropout", $"must be in [0, 1) (got {Dropout}).");
        if (!(GumbelTemperature > 0) || double.IsInfinity(GumbelTemperature))
            throw new SynthOptionException("gumbel-temperature", $"must be a positive number (got {GumbelTemperature}).");
        if (MaxModes < 1) throw new SynthOptionException("max-modes", $"must be at least 1 (got {MaxModes}).");
        if (!(ModeWeightThreshold >= 0 && ModeWeightThreshold < 1))
            throw new SynthOptionException("mode-weight-threshold", $"must be in [0, 1) (got {ModeWeightThreshold}).");
        SynthCore.Resources.ResourceGuard.EnsureThreads("threads", Threads);
        if (!(GeneratorAverageDecay >= 0 && GeneratorAverageDecay < 1))
            throw new SynthOptionException("generator-average-decay", $"must be in [0, 1) (got {GeneratorAverageDecay}).");
        DpSgdOptionChecks.Validate(DpNoiseMultiplier, DpMaxGradNorm, DpDelta, Pac, DpCountNoiseMultiplier);
        TorchDevices.Resolve(Device, "device");
    }
}
