namespace SynthCore.Training;

/// <summary>One use of the data by a differentially private mechanism.</summary>
/// <param name="Mechanism">"laplace", "gaussian", "sampled-gaussian (RDP)", …</param>
/// <param name="Target">What was released (e.g. "histogram of Usage", "Kendall's tau of Usage × App").</param>
/// <param name="Epsilon">The ε this release spends.</param>
/// <param name="Delta">The δ this release spends (0 for pure ε-DP).</param>
/// <param name="Sensitivity">The query's sensitivity the noise was calibrated to (L1 for Laplace, L2 for Gaussian).</param>
/// <param name="NoiseScale">The noise's scale (Laplace b, Gaussian σ).</param>
/// <param name="Detail">What else fixes the noise (DP-SGD: steps, sampling rate, noise multiplier); null when the rest says it all.</param>
public sealed record PrivacySpend(string Mechanism, string Target, double Epsilon, double Delta, double Sensitivity, double NoiseScale, string? Detail = null);

/// <summary>
/// The privacy budget spent by a fit, release by release. Totals use basic sequential composition
/// (ε and δ add up), which is what the mechanisms here were budgeted with.
/// </summary>
public sealed class PrivacyLedger
{
    private readonly List<PrivacySpend> entries = [];

    public PrivacyLedger() { }

    public PrivacyLedger(IEnumerable<PrivacySpend> entries) => this.entries.AddRange(entries);

    public IReadOnlyList<PrivacySpend> Entries => entries;

    public double TotalEpsilon => entries.Sum(e => e.Epsilon);

    public double TotalDelta => entries.Sum(e => e.Delta);

    public void Add(PrivacySpend spend)
    {
        if (!(spend.Epsilon >= 0) || !(spend.Delta >= 0)) throw new ArgumentOutOfRangeException(nameof(spend), "ε and δ must be non-negative.");
        entries.Add(spend);
    }
}
