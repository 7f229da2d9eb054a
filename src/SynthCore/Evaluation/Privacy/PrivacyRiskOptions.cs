namespace SynthCore.Evaluation.Privacy;

/// <summary>What <see cref="PrivacyRisk.Evaluate"/> compares and attacks.</summary>
public sealed record PrivacyRiskOptions
{
    /// <summary>Columns compared by distance; null for every column except identifiers.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Quasi-identifiers for the attribute-disclosure attack; empty skips it.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; init; } = [];

    /// <summary>The sensitive column of the attribute-disclosure attack; required with quasi-identifiers.</summary>
    public string? Sensitive { get; init; }

    /// <summary>Equal-width bins for numbers in the attribute-disclosure attack; 0 matches exact values.</summary>
    public int NumericBins { get; init; } = 10;
}
