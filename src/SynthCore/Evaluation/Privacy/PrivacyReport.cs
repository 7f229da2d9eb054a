using System.Text.Json.Serialization;

namespace SynthCore.Evaluation.Privacy;

/// <summary>Summary of a list of distances (or ratios).</summary>
/// <param name="Rows">How many values.</param>
/// <param name="Median">The median.</param>
/// <param name="Percentile5">The 5th percentile (linear interpolation, numpy's default).</param>
/// <param name="Mean">The mean.</param>
public sealed record DistanceSummary(int Rows, double Median, double Percentile5, double Mean);

/// <summary>
/// How close a synthetic table sits to the real rows it was made from, and how well simple attacks do.
/// Distances are <see cref="PrivacyRisk.DistanceDescription"/>. A holdout (real rows the synthesizer never
/// saw) is the yardstick: a private synthesizer's rows are no closer to the training rows than fresh
/// real rows are.
/// </summary>
/// <param name="TrainingRows">Real rows the synthesizer was fitted on.</param>
/// <param name="SyntheticRows">Synthetic rows.</param>
/// <param name="HoldoutRows">Real rows held out from fitting; null when none were given.</param>
/// <param name="Columns">Columns compared.</param>
/// <param name="SyntheticToTraining">Distance to closest record (DCR): each synthetic row to its nearest training row.</param>
/// <param name="HoldoutToTraining">DCR of each holdout row to its nearest training row: the baseline.</param>
/// <param name="ShareCloserThanHoldout5th">Share of synthetic rows whose DCR is below the holdout's 5th percentile (about 0.05 when private; near 1 for copies).</param>
/// <param name="ExactCopyRate">Share of synthetic rows equal to some training row on every compared column.</param>
/// <param name="HoldoutExactCopyRate">The same for holdout rows (duplicates that occur naturally).</param>
/// <param name="SyntheticNndr">Nearest-neighbour distance ratio of synthetic rows: nearest / second-nearest training row (0 for exact copies; near 1 = not singled out).</param>
/// <param name="HoldoutNndr">The same for holdout rows.</param>
/// <param name="MembershipInferenceAuc">ROC AUC of the distance attack (score = −distance to the nearest synthetic row; training rows are members, holdout rows non-members): 0.5 = no better than chance.</param>
/// <param name="AttributeDisclosure">The attribute-disclosure attack on training rows, when quasi-identifiers were given.</param>
/// <param name="HoldoutAttributeDisclosure">The same attack on holdout rows, for comparison.</param>
/// <param name="DcrShare">Share of synthetic rows nearer to a training row than to any holdout row (a tie counts half):
/// <see cref="ExpectedDcrShare"/> when the synthesizer kept no more of its training rows than of unseen ones (0.5 for a
/// holdout as large as the training table), 1 for copies.</param>
public sealed record PrivacyReport(
    int TrainingRows,
    int SyntheticRows,
    int? HoldoutRows,
    IReadOnlyList<string> Columns,
    string Distance,
    DistanceSummary SyntheticToTraining,
    DistanceSummary? HoldoutToTraining,
    double? ShareCloserThanHoldout5th,
    double ExactCopyRate,
    double? HoldoutExactCopyRate,
    DistanceSummary SyntheticNndr,
    DistanceSummary? HoldoutNndr,
    double? MembershipInferenceAuc,
    AttributeDisclosureResult? AttributeDisclosure,
    AttributeDisclosureResult? HoldoutAttributeDisclosure,
    double? DcrShare = null)
{
    /// <summary>
    /// The DCR share of rows as private as fresh real ones: m / (m + n) for m training and n holdout rows, since the nearest
    /// of m + n rows drawn like a fresh row is any of them alike. 0.8 for the 20% holdout that <c>run --target</c> keeps.
    /// </summary>
    public double? ExpectedDcrShare => HoldoutRows is int n ? TrainingRows / (double)(TrainingRows + n) : null;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Low, Medium or High, with the figures behind it (<see cref="DisclosureRisk"/> writes the thresholds down).</summary>
    public DisclosureRisk Risk => DisclosureRisk.Of(this);

    /// <summary>The report as indented snake_case JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
