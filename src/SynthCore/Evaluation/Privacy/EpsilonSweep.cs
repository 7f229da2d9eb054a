using SynthCore.Evaluation.Reports;
using SynthCore.Evaluation.Utility;
using SynthCore.Synthesizers;

namespace SynthCore.Evaluation.Privacy;

/// <summary>One ε of a sweep: the model fitted at that budget, judged against its training rows and a holdout it never saw.</summary>
/// <param name="Epsilon">The budget asked for.</param>
/// <param name="SpentEpsilon">The fitted model's ε by its own account (equal to <paramref name="Epsilon"/> for the DP copula).</param>
/// <param name="SpentDelta">The fitted model's δ.</param>
/// <param name="Guaranteed">False when the fit read values outside its mechanisms (e.g. bounds from the data).</param>
/// <param name="FitSeconds">Seconds the fit took.</param>
/// <param name="SampleSeconds">Seconds sampling as many rows as the training part took.</param>
/// <param name="Quality">SDMetrics' overall quality score (0–1) of the synthetic rows against the training rows.</param>
/// <param name="Utility">TSTR against TRTR on the holdout; null without a target.</param>
/// <param name="NoiseMultiplier">For a DP-SGD model, the noise multiplier σ calibrated to <paramref name="Epsilon"/>; null for a model set by ε itself.</param>
public sealed record EpsilonSweepPoint(double Epsilon, double SpentEpsilon, double SpentDelta, bool Guaranteed, double FitSeconds, double SampleSeconds,
    double Quality, UtilityReport? Utility, double? NoiseMultiplier = null)
{
    /// <summary>100 · TSTR / TRTR of the boosted trees (<see cref="UtilityReport.ScorePercent"/>).</summary>
    public double? UtilityPercent => Utility?.ScorePercent;

    /// <summary>The boosted trees' score (ROC AUC or R²) trained on the synthetic rows, tested on the holdout.</summary>
    public double? SyntheticScore => Score(r => r.TrainSyntheticTestReal);

    /// <summary>The same trained on the real training rows: the reference.</summary>
    public double? RealScore => Score(r => r.TrainRealTestReal);

    private double? Score(Func<UtilityResult, UtilityScores> side)
    {
        var trees = Utility?.Results.FirstOrDefault(r => r.Model == UtilityModels.GradientBoostedTrees);
        if (trees is null) return null;
        return Utility!.Task == UtilityTask.Classification ? side(trees).RocAuc : side(trees).RSquared;
    }
}

/// <summary>A sweep's points, in the order of the ε asked for.</summary>
public sealed record EpsilonSweepResult(string Model, int TrainingRows, int HoldoutRows, string? Target, int Seed, IReadOnlyList<EpsilonSweepPoint> Points)
{
    /// <summary>The metric the utility compares: "roc_auc" or "r_squared"; null without a target.</summary>
    public string? UtilityMetric => Points.FirstOrDefault(p => p.Utility is not null)?.Utility!.ScoreMetric;
}

/// <summary>
/// What privacy costs: a differentially private model fitted at each ε on the same training rows, sampled to as many
/// rows, and judged on SDMetrics' quality score and on utility (train on synthetic, test on a holdout the model never
/// saw, against train on real). Same seed, same result: every fit and every sample uses the given seed. A model set by
/// ε (the DP copula) goes through <see cref="Run"/>; a DP-SGD model, set by a noise multiplier, through <see cref="RunDpSgd"/>.
/// </summary>
public static class EpsilonSweep
{
    /// <summary>Checks a list of budgets: at least one, each positive and finite, none twice.</summary>
    /// <exception cref="SynthOptionException">Naming <paramref name="option"/>.</exception>
    public static IReadOnlyList<double> Check(IReadOnlyList<double> epsilons, string option = "epsilons")
    {
        if (epsilons.Count == 0) throw new SynthOptionException(option, "name at least one ε, e.g. 0.1,1,10.");
        foreach (double e in epsilons)
            if (!(e > 0) || !double.IsFinite(e)) throw new SynthOptionException(option, $"every ε must be a positive number (got {e.ToString(CultureInfo.InvariantCulture)}).");
        if (epsilons.Distinct().Count() != epsilons.Count) throw new SynthOptionException(option, "names an ε twice.");
        return epsilons;
    }

    /// <summary>Parses "0.1,0.5,1" (invariant culture) and <see cref="Check"/>s it.</summary>
    /// <exception cref="SynthOptionException">Naming <paramref name="option"/>.</exception>
    public static IReadOnlyList<double> Parse(string text, string option = "epsilons")
    {
        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            values.Add(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double e)
                ? e : throw new SynthOptionException(option, $"'{part}' is not a number; give a comma-separated list such as 0.1,1,10."));
        return Check(values, option);
    }

    /// <param name="model">The model's name, for the result.</param>
    /// <param name="synthesizerAt">Makes the model configured for one ε (e.g. <c>e =&gt; new DpCopulaSynthesizer(options with { Epsilon = e })</c>).</param>
    /// <param name="training">Rows the models are fitted on.</param>
    /// <param name="holdout">Real rows no model sees, for utility.</param>
    /// <param name="target">The column utility predicts; null for quality only.</param>
    /// <param name="seed">Seed of the utility models (the fits take theirs from <paramref name="synthesizerAt"/>).</param>
    /// <param name="progress">Each point as it is finished.</param>
    /// <exception cref="SynthOptionException">A bad ε list, or a model that does not fit with differential privacy ("model").</exception>
    public static EpsilonSweepResult Run(string model, Func<double, ISynthesizer> synthesizerAt, DataFrame training, DataFrame holdout, TableMetadata metadata,
        IReadOnlyList<double> epsilons, string? target, int seed, IProgress<EpsilonSweepPoint>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizerAt);
        Check(epsilons);
        return Sweep(model, epsilons.Select(e => (e, (Func<ISynthesizer>)(() => synthesizerAt(e)), (double?)null)).ToArray(),
            training, holdout, metadata, target, seed, progress, cancellation);
    }

    /// <summary>
    /// Sweeps a model trained with DP-SGD (gan, ctgan, tvae, …), whose budget is a noise multiplier σ: for each ε, σ is
    /// calibrated (<see cref="NoiseCalibration"/>) so that the model's own accountant (<see cref="IDpSgdSynthesizer.EpsilonCurve"/>, read once for <paramref name="training"/>)
    /// gives that ε for a fit on <paramref name="training"/> (its rows, steps, sampling rate and δ), and the model is fitted
    /// at that σ. Every σ is found before the first fit, so an ε out of reach fails at once. Each point says its σ and the
    /// ε the fitted model reports (at most the ε asked for, and within 0.1% of it after a full training).
    /// </summary>
    /// <param name="synthesizerWithNoise">Makes the model configured with DP-SGD at noise multiplier σ (e.g. through the registry with <c>dp-noise-multiplier</c>).</param>
    /// <param name="epsilonsOption">The option an ε out of reach is blamed on.</param>
    /// <exception cref="SynthOptionException">A bad ε list or one out of reach (<paramref name="epsilonsOption"/>), or a model without DP-SGD ("model").</exception>
    public static EpsilonSweepResult RunDpSgd(string model, Func<double, ISynthesizer> synthesizerWithNoise, DataFrame training, DataFrame holdout, TableMetadata metadata,
        IReadOnlyList<double> epsilons, string? target, int seed, IProgress<EpsilonSweepPoint>? progress = null, CancellationToken cancellation = default,
        string epsilonsOption = "epsilons")
    {
        ArgumentNullException.ThrowIfNull(synthesizerWithNoise);
        Check(epsilons, epsilonsOption);
        if (synthesizerWithNoise(1) is not IDpSgdSynthesizer planner)
            throw new SynthOptionException("model", $"'{model}' does not train with DP-SGD, so it has no noise multiplier to set for an ε.");
        var epsilonAt = planner.EpsilonCurve(training, metadata);
        var runs = epsilons.Select(e =>
        {
            double sigma = NoiseCalibration.NoiseMultiplierFor(e, epsilonAt, option: epsilonsOption);
            return (e, (Func<ISynthesizer>)(() => synthesizerWithNoise(sigma)), (double?)sigma);
        }).ToArray();
        return Sweep(model, runs, training, holdout, metadata, target, seed, progress, cancellation);
    }

    private static EpsilonSweepResult Sweep(string model, IReadOnlyList<(double Epsilon, Func<ISynthesizer> Synthesizer, double? NoiseMultiplier)> runs,
        DataFrame training, DataFrame holdout, TableMetadata metadata, string? target, int seed, IProgress<EpsilonSweepPoint>? progress, CancellationToken cancellation)
    {
        int rows = checked((int)training.Rows.Count);
        var points = new List<EpsilonSweepPoint>();
        foreach (var (epsilon, synthesizerAt, noiseMultiplier) in runs)
        {
            cancellation.ThrowIfCancellationRequested();
            var synthesizer = synthesizerAt();
            var clock = Stopwatch.StartNew();
            var fitted = synthesizer.Fit(training, metadata, null, cancellation);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            var account = (fitted as IPrivacyAccounted)?.PrivacyAccount
                ?? throw new SynthOptionException("model", $"'{model}' did not fit with differential privacy, so it has no ε to sweep.");
            clock.Restart();
            var synthetic = fitted.Sample(rows);
            double sampleSeconds = clock.Elapsed.TotalSeconds;
            cancellation.ThrowIfCancellationRequested();
            var quality = QualityReport.Generate(training, synthetic, metadata, cancellation: cancellation);
            var utility = target is null ? null
                : UtilityReport.EvaluateOnHoldout(training, holdout, synthetic, metadata, new UtilityOptions(target) { Seed = seed }, cancellation);
            var point = new EpsilonSweepPoint(epsilon, account.Epsilon, account.Delta, account.Guaranteed, fitSeconds, sampleSeconds, quality.Score, utility, noiseMultiplier);
            points.Add(point);
            progress?.Report(point);
            (fitted as IDisposable)?.Dispose();
        }
        return new EpsilonSweepResult(model, rows, checked((int)holdout.Rows.Count), target, seed, points);
    }
}
