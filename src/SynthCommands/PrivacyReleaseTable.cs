using SynthCore.Training;

namespace SynthCommands;

/// <summary>
/// A DP model's released statistics, one row each: what, mechanism, ε, δ, sensitivity and noise scale (Laplace b, Gaussian σ,
/// σ × clip norm for DP-SGD gradients), then the whole fit's ε and δ and how the rows compose. As text and as JSON.
/// </summary>
public static class PrivacyReleaseTable
{
    /// <summary>The account of a model fitted with differential privacy; null for any other.</summary>
    public static PrivacyAccount? Of(IFittedSynthesizer model) => (model as IPrivacyAccounted)?.PrivacyAccount;

    public static string Render(PrivacyAccount account)
    {
        var table = new TextTable("released statistic", "mechanism", "ε share", "δ", "sensitivity", "noise scale");
        foreach (var r in account.Releases)
            table.Add(r.Target, r.Mechanism, Number(r.Epsilon), Number(r.Delta), Number(r.Sensitivity), NoiseName(r) + Number(r.NoiseScale));
        string composition = account.Composition == PrivacyAccount.Sequential
            ? "sequential composition: the rows' ε and δ add up"
            : "composed by the RDP accountant: tighter than the sum of the rows' ε, each of which is that release alone at the same δ";
        var text = new StringBuilder()
            .AppendLine(table.ToString())
            .Append(string.Create(CultureInfo.InvariantCulture, $"Total: ε = {account.Epsilon:G4}, δ = {account.Delta:G3} over {account.Releases.Count} release(s) ({composition})."));
        if (!account.Guaranteed) text.Append(" Not a guarantee: the fit also read values outside these mechanisms.");
        foreach (var r in account.Releases.Where(r => r.Detail is not null))
            text.Append('\n').Append(r.Target).Append(": ").Append(r.Detail);
        return text.ToString();
    }

    public static JsonObject Json(PrivacyAccount account) => new()
    {
        ["epsilon"] = JsonSummary.Number(account.Epsilon),
        ["delta"] = JsonSummary.Number(account.Delta),
        ["composition"] = account.Composition,
        ["guaranteed"] = account.Guaranteed,
        ["releases"] = new JsonArray(account.Releases.Select(r => (JsonNode?)new JsonObject
        {
            ["target"] = r.Target,
            ["mechanism"] = r.Mechanism,
            ["epsilon"] = JsonSummary.Number(r.Epsilon),
            ["delta"] = JsonSummary.Number(r.Delta),
            ["sensitivity"] = JsonSummary.Number(r.Sensitivity),
            ["noise_scale"] = JsonSummary.Number(r.NoiseScale),
            ["detail"] = r.Detail,
        }).ToArray()),
    };

    /// <summary>Laplace noise is named by its scale b, Gaussian noise by its standard deviation σ.</summary>
    private static string NoiseName(PrivacySpend release) => release.Mechanism.StartsWith("laplace", StringComparison.Ordinal) ? "b = " : "σ = ";

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
