namespace SynthCore.Synthesizers;

/// <summary>
/// A synthesizer that can train with DP-SGD (<c>--option dp-noise-multiplier=…</c>: gan, wgan-gp, cgan, ctgan, tvae, vae).
/// Its budget is set by a noise multiplier σ, not an ε; this says beforehand what ε a σ would cost on a table, by the same
/// accountant the fitted model reports with, so a σ can be chosen for an ε (<see cref="Training.NoiseCalibration"/>).
/// </summary>
public interface IDpSgdSynthesizer : ISynthesizer
{
    /// <summary>
    /// The ε, at the options' δ, that fitting <paramref name="table"/> with these options and DP-SGD would spend at each
    /// noise multiplier σ (every planned step; a training stopped early spends less). What the table decides (its rows,
    /// its discrete columns) is read once, here; the function only composes the accountant.
    /// </summary>
    Func<double, double> EpsilonCurve(DataFrame table, TableMetadata metadata);
}
