namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// The settings every tabular network shares (the GANs, CTGAN, TVAE and the VAE): seed, device, threads and DP-SGD,
/// declared once with their <c>--option</c> names (<see cref="Declared{T}"/>). What DP-SGD privatises differs per model;
/// each options record says so in its own summary. Saved flat in the model file's options, as before.
/// </summary>
public abstract record NeuralTrainingOptions
{
    /// <summary>Seed of weight initialisation, noise, batch draws and (by default) sampling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>TorchSharp device: "cpu", "cuda" or "cuda:N".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// libtorch intra-op threads while training and sampling. One by default: a fixed count keeps the same seed giving
    /// the same rows whatever the machine's core count, and on a shared 2-core machine a second thread often loses
    /// (CTGAN on an Adult-shaped table: 3.3 s/epoch with one thread and 1.9 with two when idle, 4.6 and 36 under load,
    /// as OpenMP's barriers stall while another process holds a core).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>DP-SGD's noise multiplier σ: null trains normally; a value turns DP-SGD on (see each model's options).</summary>
    public double? DpNoiseMultiplier { get; init; }

    /// <summary>C: the per-example gradient norm bound of DP-SGD.</summary>
    public double DpMaxGradNorm { get; init; } = 1.0;

    /// <summary>The δ the DP-SGD ε is reported for.</summary>
    public double DpDelta { get; init; } = 1e-5;

    /// <summary><paramref name="options"/> with the run's seed and device, which every network takes as they are given.</summary>
    internal static T WithRunSettings<T>(T options, SynthesizerSettings settings) where T : NeuralTrainingOptions =>
        (T)(options with { Seed = settings.Seed, Device = settings.Device });

    /// <summary>The <c>--option</c> settings of these fields, for a model whose options record is <typeparamref name="T"/>.</summary>
    internal static IEnumerable<ModelOption<T>> Declared<T>() where T : NeuralTrainingOptions =>
    [
        ModelOption.Int<T>("threads", o => o.Threads, (o, v) => (T)(o with { Threads = v }), "CPU threads for torch"),
        ModelOption.Real<T>("dp-noise-multiplier", o => o.DpNoiseMultiplier, (o, v) => (T)(o with { DpNoiseMultiplier = v }), "DP-SGD: noise σ relative to the clip norm (turns DP on)"),
        ModelOption.Real<T>("dp-max-grad-norm", o => o.DpMaxGradNorm, (o, v) => (T)(o with { DpMaxGradNorm = v }), "DP-SGD: per-row gradient clip norm"),
        ModelOption.Real<T>("dp-delta", o => o.DpDelta, (o, v) => (T)(o with { DpDelta = v }), "DP-SGD: δ of the (ε, δ) guarantee"),
    ];
}
