namespace SynthCore.Evaluation.Privacy;

/// <summary>The disclosure-risk verdict of a <see cref="PrivacyReport"/>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RiskLevel>))]
public enum RiskLevel { Low, Medium, High }

/// <summary>
/// A verdict a reader can act on, as the original toolkit gave one, from the report's figures and thresholds written
/// down here. Each figure is judged against what fresh real rows (the holdout) would show, and a small table is not
/// condemned for its noise: each threshold is the larger of a fixed value and chance's reach at the table's size
/// (a multiple of the figure's standard error when the synthetic rows are as private as fresh ones).
/// <list type="bullet">
/// <item>High: exact copies above twice the holdout's own duplicate rate plus 1 point; a membership-inference AUC
/// above max(0.60, 0.5 + 8 SE); more than max(20%, 5% + 8 SE) of rows nearer than the holdout's 5th percentile;
/// a DCR share above e + max(0.4 (1 − e), 8 SE), where e is the share fresh rows give (0.5 for equal sizes: 0.70).</item>
/// <item>Medium: copies above the holdout's rate plus 0.5 points; an AUC above max(0.55, 0.5 + 5 SE); more than
/// max(10%, 5% + 5 SE) nearer than the 5th percentile; a DCR share above e + max(0.2 (1 − e), 5 SE) (equal sizes: 0.60).</item>
/// <item>Low: none of these. Without a holdout only copies can be judged (High above 1%, Medium above 0%), and the verdict says so.</item>
/// </list>
/// SE: the AUC's under chance, √((m + n + 1) / (12 m n)) for m training and n holdout rows (Hanley and McNeil); a
/// share's, √(p (1 − p) / s) for s synthetic rows. Fresh draws stay Low at seeds 1–100 of the privacy sweep.
/// </summary>
public sealed record DisclosureRisk(RiskLevel Level, IReadOnlyList<string> Reasons)
{
    public static DisclosureRisk Of(PrivacyReport report)
    {
        var high = new List<string>();
        var medium = new List<string>();
        double baseline = report.HoldoutExactCopyRate ?? 0;
        if (report.HoldoutRows is null)
        {
            if (report.ExactCopyRate > 0.01) high.Add($"{100 * report.ExactCopyRate:0.0}% of rows copy a training row (above 1%)");
            else if (report.ExactCopyRate > 0) medium.Add($"{100 * report.ExactCopyRate:0.0}% of rows copy a training row");
            var level = high.Count > 0 ? RiskLevel.High : medium.Count > 0 ? RiskLevel.Medium : RiskLevel.Low;
            return new DisclosureRisk(level, [.. high, .. medium, "without a holdout only exact copies are judged"]);
        }
        double m = report.TrainingRows, n = report.HoldoutRows.Value, s = report.SyntheticRows;
        double aucSe = Math.Sqrt((m + n + 1) / (12 * m * n));
        double ShareSe(double p) => Math.Sqrt(p * (1 - p) / s);
        Judge(report.ExactCopyRate, 2 * baseline + 0.01, baseline + 0.005, v => $"{100 * v:0.0}% of rows copy a training row (holdout rows: {100 * baseline:0.0}%)");
        Judge(report.MembershipInferenceAuc, Math.Max(0.60, 0.5 + 8 * aucSe), Math.Max(0.55, 0.5 + 5 * aucSe), v => $"membership-inference AUC {v:0.000}");
        Judge(report.ShareCloserThanHoldout5th, Math.Max(0.20, 0.05 + 8 * ShareSe(0.05)), Math.Max(0.10, 0.05 + 5 * ShareSe(0.05)),
            v => $"{100 * v:0.0}% of rows nearer a training row than the holdout's 5th percentile (5% expected)");
        // Judged against the share fresh rows give at these sizes (m / (m + n)), not 0.5: a 20% holdout makes 0.8 private.
        double e = report.ExpectedDcrShare!.Value;
        Judge(report.DcrShare, e + Math.Max(0.4 * (1 - e), 8 * ShareSe(e)), e + Math.Max(0.2 * (1 - e), 5 * ShareSe(e)), v => $"DCR share {v:0.000} ({e:0.000} expected)");
        var verdict = high.Count > 0 ? RiskLevel.High : medium.Count > 0 ? RiskLevel.Medium : RiskLevel.Low;
        return new DisclosureRisk(verdict, verdict == RiskLevel.Low ? ["every figure is within what fresh real rows show"] : [.. high, .. medium]);

        void Judge(double? value, double highAbove, double mediumAbove, Func<double, string> reason)
        {
            if (value is not double v) return;
            if (v > highAbove) high.Add(reason(v));
            else if (v > mediumAbove) medium.Add(reason(v));
        }
    }
}
