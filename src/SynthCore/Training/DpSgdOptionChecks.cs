namespace SynthCore.Training;

/// <summary>The DP-SGD options every neural synthesizer shares, checked in one place so their errors read the same.</summary>
internal static class DpSgdOptionChecks
{
    /// <param name="pac">The model's PacGAN pack size, or null for models without packs.</param>
    /// <param name="countNoiseMultiplier">The noise of the category-count release, or null for models without one.</param>
    public static void Validate(double? noiseMultiplier, double maxGradNorm, double delta, int? pac = null, double? countNoiseMultiplier = null)
    {
        if (noiseMultiplier is double sigma)
        {
            if (!(sigma > 0) || double.IsInfinity(sigma))
                throw new SynthOptionException("dp-noise-multiplier", $"must be a positive number (got {sigma}).");
            if (pac is int p && p != 1)
                throw new SynthOptionException("pac", $"must be 1 with dp-noise-multiplier: DP-SGD clips each real row's gradient, and packs of rows would mix them (got {p}).");
        }
        if (!(maxGradNorm > 0) || double.IsInfinity(maxGradNorm))
            throw new SynthOptionException("dp-max-grad-norm", $"must be a positive number (got {maxGradNorm}).");
        if (!(delta > 0 && delta < 1)) throw new SynthOptionException("dp-delta", $"must be in (0, 1) (got {delta}).");
        if (countNoiseMultiplier is double c && (!(c > 0) || double.IsInfinity(c)))
            throw new SynthOptionException("dp-count-noise-multiplier", $"must be a positive number (got {c}).");
    }
}
