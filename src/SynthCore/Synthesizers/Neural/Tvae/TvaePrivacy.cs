using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// The (ε, δ) guarantee of a TVAE / VAE trained with DP-SGD (<see cref="TvaeOptions.DpNoiseMultiplier"/>),
/// and what it was computed from: <see cref="Steps"/> sampled Gaussian releases at Poisson rate
/// <see cref="SamplingRate"/> and noise multiplier <see cref="NoiseMultiplier"/>, composed by the
/// <see cref="RdpAccountant"/> and converted at <see cref="Delta"/>.
/// <para>
/// <b>What is private</b>: the encoder's and decoder's weights, including the decoder's learned
/// per-feature σ (a parameter of the decoder, so it is trained by the clipped, noised gradient),
/// and everything computed from them alone (samples, latent codes, interpolations).
/// </para>
/// <para>
/// <b>What is not</b>: the data transformer, fitted on the raw rows before training and stored with
/// the model as is — the schema and row count, each categorical column's category set, each
/// numeric column's observed min / max (samples are clipped to it) and mean, the Gaussian mixture
/// modes (means, standard deviations, weights) of every numeric column, which columns have missing
/// values and their missing rates (sampling reproduces them at those rates). Nor are the losses
/// reported to progress during training, which are computed on the raw rows. A released model or
/// sample therefore reveals those statistics exactly; only what the networks learned is covered.
/// </para>
/// </summary>
/// <param name="Epsilon">ε at <paramref name="Delta"/> for the steps taken.</param>
/// <param name="Delta">δ.</param>
/// <param name="NoiseMultiplier">σ: noise standard deviation / clipping norm.</param>
/// <param name="MaxGradNorm">C: the per-row clipping norm.</param>
/// <param name="SamplingRate">q: each row's chance of being in a step's batch.</param>
/// <param name="Steps">DP-SGD steps taken (for a last-good model: up to its epoch only).</param>
public sealed record TvaePrivacy(double Epsilon, double Delta, double NoiseMultiplier, double MaxGradNorm, double SamplingRate, long Steps)
{
    /// <summary>The guarantee of <paramref name="steps"/> DP-SGD steps with <paramref name="options"/> on <paramref name="rows"/> rows.</summary>
    public static TvaePrivacy Account(TvaeOptions options, int rows, long steps)
    {
        double sigma = options.DpNoiseMultiplier ?? throw new ArgumentException("The options do not use DP-SGD.", nameof(options));
        double q = RateFor(rows, options.BatchSize);
        double epsilon = new RdpAccountant().Compose(q, sigma, steps).GetEpsilon(options.DpDelta).Epsilon;
        return new TvaePrivacy(epsilon, options.DpDelta, sigma, options.DpMaxGradNorm, q, steps);
    }

    /// <summary>q = batch / rows (at most 1).</summary>
    public static double RateFor(int rows, int batchSize) => Math.Min(1, (double)batchSize / rows);

    /// <summary>DP-SGD steps in one epoch: ⌈rows / batch⌉, so an epoch samples every row once in expectation.</summary>
    public static int StepsPerEpoch(int rows, int batchSize) => (rows + batchSize - 1) / batchSize;

    public JsonObject ToJson() => new()
    {
        ["noise_multiplier"] = NoiseMultiplier,
        ["max_grad_norm"] = MaxGradNorm,
        ["sampling_rate"] = SamplingRate,
        ["steps"] = Steps,
        ["delta"] = Delta,
        ["epsilon"] = Epsilon,
    };

    /// <summary>Restores a saved guarantee; ε is recomputed by the accountant and must agree with the saved one.</summary>
    /// <exception cref="SynthException">The saved values are inconsistent.</exception>
    public static TvaePrivacy FromJson(JsonObject json)
    {
        double sigma = JsonFields.Get<double>(json, "noise_multiplier"), q = JsonFields.Get<double>(json, "sampling_rate"), delta = JsonFields.Get<double>(json, "delta");
        long steps = JsonFields.Get<long>(json, "steps");
        if (!(sigma > 0 && q > 0 && q <= 1 && delta > 0 && delta < 1 && steps >= 0))
            throw new SynthException("The model file's DP-SGD record is invalid.");
        double epsilon = new RdpAccountant().Compose(q, sigma, steps).GetEpsilon(delta).Epsilon;
        double saved = JsonFields.Get<double>(json, "epsilon");
        if (Math.Abs(epsilon - saved) > 1e-9 * Math.Max(1, epsilon))
            throw new SynthException($"The model file's DP-SGD record says ε = {saved}, but its steps and noise give ε = {epsilon}.");
        return new TvaePrivacy(epsilon, delta, sigma, JsonFields.Get<double>(json, "max_grad_norm"), q, steps);
    }
}
