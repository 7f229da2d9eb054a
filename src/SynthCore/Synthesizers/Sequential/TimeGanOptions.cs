using SynthCore.Data.Sequences;
using SynthCore.Torch;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// Options of TimeGAN (<see cref="TimeGanSynthesizer"/>). The defaults are the paper's and its
/// reference code's (GRUs of 3 layers and 24 units, batch 128, Adam at 1e-3, γ = 1), except the
/// iterations per phase: 50,000 there, 2,000 here (see bench/SynthBench timegan for what that reaches).
/// </summary>
public sealed record TimeGanOptions : ISequenceModelOptions, IValidatedOptions
{
    /// <summary>How the table becomes windows.</summary>
    public SequenceDataOptions Data { get; init; } = new();

    /// <summary>Units of every GRU layer and size of the latent space.</summary>
    public int HiddenDim { get; init; } = 24;

    /// <summary>GRU layers of the embedder, recovery, generator and discriminator; the supervisor has one fewer (at least 1).</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Iterations of each of the three phases (autoencoder, supervisor, joint), unless set per phase below.</summary>
    public int Iterations { get; init; } = 2_000;

    /// <summary>Iterations of phase I (the autoencoder); null for <see cref="Iterations"/>.</summary>
    public int? AutoencoderIterations { get; init; }

    /// <summary>Iterations of phase II (the supervisor); null for <see cref="Iterations"/>.</summary>
    public int? SupervisorIterations { get; init; }

    /// <summary>Iterations of phase III (joint training); null for <see cref="Iterations"/>.</summary>
    public int? JointIterations { get; init; }

    internal int AutoencoderSteps => AutoencoderIterations ?? Iterations;
    internal int SupervisorSteps => SupervisorIterations ?? Iterations;
    internal int JointSteps => JointIterations ?? Iterations;

    /// <summary>Windows per batch, drawn without replacement.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate of every network.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// Where the joint phase's learning rate ends: it falls linearly from <see cref="LearningRate"/>
    /// to this over phase III, damping the oscillation of the last iterations; null keeps it constant
    /// (the reference code's).
    /// </summary>
    public double? FinalLearningRate { get; init; }

    /// <summary>Weight γ of the adversarial loss on the generator's unsupervised (embedded) path.</summary>
    public double Gamma { get; init; } = 1;

    /// <summary>The discriminator is updated only while its loss is above this (0.15 in the reference code).</summary>
    public double DiscriminatorThreshold { get; init; } = 0.15;

    /// <summary>
    /// Decay of an exponential moving average of the sampling networks' weights (generator,
    /// supervisor, recovery) over the joint phase, which the fitted model samples from; 0 samples
    /// from the last iterate. Averaging (Yazıcı et al. 2019) damps the oscillation of GAN training:
    /// on Sines the last iterate's discriminative score swings 0.03–0.22 between checkpoints, while 0.999
    /// with a learning rate of 0.002 gave 0.015–0.036 after 12,000 joint iterations (six seeds) and the paper's
    /// level after 24,000 (0.007–0.019 on four seeds, paper 0.011; docs/time-series.md). Off by default: over the default
    /// 2,000 joint iterations the average lags the last iterate.
    /// </summary>
    public double EmaDecay { get; init; }

    /// <summary>
    /// How the GRUs' weights start (`init=tf|torch`): TensorFlow 1's, as in the authors' code, by
    /// default — on Sines after 500 / 500 / 1,000 iterations it scored 0.104 ± 0.061 (10 metric runs)
    /// against PyTorch's defaults' 0.148 ± 0.032, predictive 0.131 against 0.145.
    /// </summary>
    public RecurrentInitialization Initialization { get; init; } = RecurrentInitialization.TensorFlow;

    /// <summary>Seed of the weights, the batches, the noise and (by default) the sampling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>TorchSharp device: "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>libtorch intra-op threads while training and sampling (one by default: small GRUs gain little from more, and a fixed count keeps results reproducible).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Iterations between progress reports (the last of each phase is always reported).</summary>
    public int ProgressEvery { get; init; } = 50;

    /// <exception cref="SynthOptionException">Names the first bad option.</exception>
    public void Validate()
    {
        Data.Validate();
        if (HiddenDim < 1) throw new SynthOptionException("hidden-dim", $"must be at least 1 (got {HiddenDim}).");
        if (Layers < 1) throw new SynthOptionException("layers", $"must be at least 1 (got {Layers}).");
        if (Iterations < 1) throw new SynthOptionException("epochs", $"(iterations per phase) must be at least 1 (got {Iterations}).");
        if (AutoencoderIterations is < 1) throw new SynthOptionException("autoencoder-iterations", $"must be at least 1 (got {AutoencoderIterations}).");
        if (SupervisorIterations is < 1) throw new SynthOptionException("supervisor-iterations", $"must be at least 1 (got {SupervisorIterations}).");
        if (JointIterations is < 1) throw new SynthOptionException("joint-iterations", $"must be at least 1 (got {JointIterations}).");
        if (BatchSize < 2) throw new SynthOptionException("batch-size", $"must be at least 2 (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new SynthOptionException("learning-rate", $"must be a positive number (got {LearningRate}).");
        if (FinalLearningRate is { } final && !(final >= 0 && final <= LearningRate))
            throw new SynthOptionException("final-learning-rate", $"must be between 0 and the learning rate {LearningRate} (got {final}).");
        if (!(Gamma >= 0) || double.IsInfinity(Gamma)) throw new SynthOptionException("gamma", $"must be 0 or more (got {Gamma}).");
        if (!(DiscriminatorThreshold >= 0) || double.IsInfinity(DiscriminatorThreshold))
            throw new SynthOptionException("discriminator-threshold", $"must be 0 or more (got {DiscriminatorThreshold}).");
        if (!(EmaDecay >= 0 && EmaDecay < 1)) throw new SynthOptionException("ema-decay", $"must be at least 0 and below 1 (got {EmaDecay}).");
        SynthCore.Resources.ResourceGuard.EnsureThreads("threads", Threads);
        if (ProgressEvery < 1) throw new SynthOptionException("progress-every", $"must be at least 1 (got {ProgressEvery}).");
        TorchDevices.Resolve(Device, "device");
    }
}
