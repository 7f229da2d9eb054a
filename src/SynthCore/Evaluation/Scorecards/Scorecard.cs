using SynthCore.Evaluation.Detection;
using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Utility;

namespace SynthCore.Evaluation.Scorecards;

/// <summary>
/// One fitted model judged on both sides, against real rows it was fitted on and real rows it never saw:
/// SDMetrics' quality score, detection (boosted trees and logistic regression), privacy against the held-out rows
/// (DCR share, exact copies, the membership attack), utility of a target column tested on the held-out rows, and time.
/// </summary>
public sealed record Scorecard(
    string Model, double FitSeconds, double SampleSeconds,
    QualityReport Quality, DetectionReport Detection, PrivacyReport Privacy, UtilityReport? Utility)
{
    /// <summary>
    /// 1 − 2·|AUC − 0.5| of the boosted trees: 1 when they cannot tell synthetic rows from the training rows. Unlike
    /// SDMetrics' score it also counts an AUC below 0.5 against the model: that is what copies of training rows produce
    /// (the classifier sees the same rows in both classes), and they are not what fresh real rows look like.
    /// </summary>
    public double DetectionScore => Math.Clamp(1 - 2 * Math.Abs(Detection.BoostedTrees.Auc - 0.5), 0, 1);

    /// <summary>
    /// 1 when synthetic rows are no nearer to the training rows than fresh rows are (the DCR share at its expected e), 0 for
    /// copies (share 1) and for rows that avoid the training rows altogether (share 0): 1 − |share − e| / (1 − e) above e,
    /// 1 − (e − share) / e below. For equal training and holdout sizes, 1 − 2·|share − 0.5|.
    /// </summary>
    public double PrivacyScore => Privacy is { DcrShare: double share, ExpectedDcrShare: double e }
        ? Math.Clamp(share >= e ? 1 - (share - e) / (1 - e) : 1 - (e - share) / e, 0, 1)
        : double.NaN;

    /// <summary>
    /// Boosted trees trained on synthetic rows over trained on real rows, both tested on the held-out rows
    /// (<see cref="UtilityReport.ScorePercent"/> / 100); 1 when the synthetic rows teach as much as the real ones. Null without a target.
    /// </summary>
    public double? UtilityRatio => Utility?.ScorePercent / 100;

    /// <summary>Scores <paramref name="synthetic"/>, sampled from a model fitted on <paramref name="training"/>, with <paramref name="holdout"/> unseen.</summary>
    public static Scorecard Measure(string model, double fitSeconds, double sampleSeconds, DataFrame training, DataFrame holdout, DataFrame synthetic,
        TableMetadata metadata, string? target, int seed, CancellationToken cancellation = default)
    {
        var quality = QualityReport.Generate(training, synthetic, metadata, cancellation: cancellation);
        var detection = SynthCore.Evaluation.Detection.Detection.Run(training, synthetic, metadata, new DetectionOptions { Seed = seed }, cancellation);
        var privacy = PrivacyRisk.Evaluate(training, synthetic, holdout, metadata, cancellationToken: cancellation);
        var utility = target is null ? null
            : UtilityReport.EvaluateOnHoldout(training, holdout, synthetic, metadata, new UtilityOptions(target) { Seed = seed }, cancellation);
        return new Scorecard(model, fitSeconds, sampleSeconds, quality, detection, privacy, utility);
    }
}
