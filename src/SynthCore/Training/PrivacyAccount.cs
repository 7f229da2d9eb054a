namespace SynthCore.Training;

/// <summary>
/// Every statistic a differentially private fit released with noise, and the guarantee of the whole:
/// the DP copula's <see cref="PrivacyLedger"/> (Laplace releases, ε adding up) or a DP-SGD training
/// (sampled Gaussian gradient releases and, for the conditional models, one Gaussian release of the
/// category counts, composed by the <see cref="RdpAccountant"/>).
/// </summary>
/// <param name="Releases">One row per released statistic. For DP-SGD, <see cref="PrivacySpend.Sensitivity"/> is the clip
/// norm C, <see cref="PrivacySpend.NoiseScale"/> the noise standard deviation σ × C, and the ε is that release's alone at the
/// whole's δ (what the accountant gives it without the others).</param>
/// <param name="Epsilon">The whole fit's ε.</param>
/// <param name="Delta">The whole fit's δ.</param>
/// <param name="Composition">How the releases compose: "sequential" (ε and δ add up) or "RDP" (Rényi DP, tighter than the sum).</param>
/// <param name="Guaranteed">False when the fit leaked something outside the mechanisms (e.g. bounds taken from the data).</param>
public sealed record PrivacyAccount(IReadOnlyList<PrivacySpend> Releases, double Epsilon, double Delta, string Composition, bool Guaranteed)
{
    public const string Sequential = "sequential";
    public const string Rdp = "RDP";

    /// <summary>A ledger's releases under sequential composition.</summary>
    public static PrivacyAccount FromLedger(PrivacyLedger ledger, bool guaranteed) =>
        new(ledger.Entries, ledger.TotalEpsilon, ledger.TotalDelta, Sequential, guaranteed);

    /// <summary>
    /// DP-SGD: <paramref name="steps"/> gradient releases of noise multiplier σ at Poisson rate q with clip norm C, and
    /// optionally one Gaussian release of category counts over <paramref name="countColumns"/> columns (L2 sensitivity √columns).
    /// </summary>
    public static PrivacyAccount DpSgd(string gradients, double samplingRate, double noiseMultiplier, double clipNorm, long steps, double delta,
        double? countNoiseMultiplier = null, int countColumns = 0)
    {
        var releases = new List<PrivacySpend>
        {
            new("sampled-gaussian (RDP)", gradients,
                new RdpAccountant().Compose(samplingRate, noiseMultiplier, steps).GetEpsilon(delta).Epsilon, delta, clipNorm, noiseMultiplier * clipNorm,
                string.Create(CultureInfo.InvariantCulture, $"{steps:N0} steps, sampling rate q = {samplingRate:G4}, noise multiplier σ = {noiseMultiplier:G4}")),
        };
        var whole = new RdpAccountant().Compose(samplingRate, noiseMultiplier, steps);
        if (countNoiseMultiplier is double sigma && countColumns > 0)
        {
            double sensitivity = Math.Sqrt(countColumns);
            releases.Add(new("gaussian", countColumns == 1 ? "category counts" : $"category counts of {countColumns} discrete columns",
                NoisyCategoryCounts.Account(new RdpAccountant(), sigma).GetEpsilon(delta).Epsilon, delta, sensitivity, sigma * sensitivity,
                string.Create(CultureInfo.InvariantCulture, $"noise multiplier σ = {sigma:G4}")));
            NoisyCategoryCounts.Account(whole, sigma);
        }
        return new PrivacyAccount(releases, whole.GetEpsilon(delta).Epsilon, delta, Rdp, true);
    }
}

/// <summary>A fitted model that can say what it released with noise; <see cref="PrivacyAccount"/> is null when it was fitted without differential privacy.</summary>
public interface IPrivacyAccounted
{
    PrivacyAccount? PrivacyAccount { get; }

    /// <summary>
    /// What the guarantee covers and what it does not, in one paragraph for users (the commands print it after a fit);
    /// null when fitted without differential privacy.
    /// </summary>
    string? PrivacyStatement { get; }
}
