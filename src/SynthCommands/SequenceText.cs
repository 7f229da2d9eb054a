using SynthCore.Evaluation.Sequences;

namespace SynthCommands;

/// <summary>Plain-text rendering of a real-versus-synthetic sequence comparison.</summary>
public static class SequenceText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Compare(SequenceComparison comparison)
    {
        var table = new TextTable("feature", "mean real", "mean synth", "std real", "std synth", "min real", "min synth", "max real", "max synth", "ACF real", "ACF synth", "ACF |diff|");
        foreach (var f in comparison.Features)
            table.Add(f.Feature, N(f.RealMean), N(f.SyntheticMean), N(f.RealStd), N(f.SyntheticStd), N(f.RealMin), N(f.SyntheticMin),
                N(f.RealMax), N(f.SyntheticMax), Lags(f.RealAcf), Lags(f.SyntheticAcf), f.AcfMeanAbsoluteDifference.ToString("0.000", Invariant));
        var text = new StringBuilder(table.ToString());
        text.Append(Invariant, $"\nACF at lags 1..{comparison.Features.FirstOrDefault()?.RealAcf.Length ?? 0}. ");
        foreach (var f in comparison.Features.Where(f => f.RealDifferenceAcf.Length > 0))
            text.Append(Invariant, $"{f.Feature}: ACF of the step-to-step differences real {Lags(f.RealDifferenceAcf)}, synth {Lags(f.SyntheticDifferenceAcf)}. ");
        if (comparison.Features.Any(f => f.RealDifferenceAcf.Length > 0))
            text.Append("(For a trending or random-walk series compare these: the values' ACF then mostly shows how far the one real path wandered.)\n");
        text.Append(Invariant, $"Cross-correlation mean |diff|: {comparison.CrossCorrelationMeanAbsoluteDifference:0.000}. ");
        text.Append(Invariant, $"Mean DTW distance synthetic-to-real: {comparison.SyntheticToRealDtw:0.###} (real-to-real: {comparison.RealToRealDtw:0.###}; ratio {comparison.DtwRatio:0.00}).")
            .Append(Invariant, $"\nDiversity: mean DTW synthetic-to-synthetic {comparison.SyntheticToSyntheticDtw:0.###}, {comparison.DiversityRatio:0.00} of real-to-real")
            .Append(comparison.Collapsed ? " — the synthetic sequences look collapsed (they vary less than half as much as the real ones), so a low DTW means little." : ".");
        text.Append(Invariant, $"\nMean correlation of each synthetic series with the real one nearest to it (DTW): {comparison.MeanSeriesCorrelation:0.000} (1 = copies; near 0 = shuffled or flat).");
        if (comparison.Scores is { } scores)
            text.Append(Invariant, $"\nDiscriminative score: {scores.Discriminative.Score:0.000} (classifier accuracy {scores.Discriminative.Accuracy:0.000} on held-out sequences; 0 = indistinguishable, 0.5 = told apart; {scores.DiscriminativeIterations:N0} iterations).")
                .Append(Invariant, $"\nPredictive score (train on synthetic, test on real): MAE {scores.Predictive.TrainOnSyntheticMae:0.000}, against {scores.Predictive.TrainOnRealMae:0.000} trained on real (min-max scaled units; {scores.PredictiveIterations:N0} iterations).");
        if (comparison.Static is { Count: > 0 } statics) AppendStatic(text, statics, comparison.Features.Select(f => f.Feature).ToArray());
        return text.ToString();
    }

    /// <summary>Static columns: the marginal across sequences (TV distance or KS) and, per category, the features' means.</summary>
    private static void AppendStatic(StringBuilder text, IReadOnlyList<StaticColumnComparison> statics, string[] features)
    {
        text.Append("\nStatic columns (one value per sequence):");
        foreach (var column in statics)
        {
            if (!column.Categorical)
            {
                text.Append(Invariant, $"\n  {column.Column}: KS {column.Value:0.000}, mean real {N(column.RealMean)}, synth {N(column.SyntheticMean)}");
                for (int f = 0; f < features.Length && f < column.RealFeatureCorrelations.Length; f++)
                    text.Append(Invariant, $"; correlation with {features[f]}'s sequence mean real {column.RealFeatureCorrelations[f]:0.00}, synth {column.SyntheticFeatureCorrelations[f]:0.00}");
                text.Append('.');
                continue;
            }
            text.Append(Invariant, $"\n  {column.Column}: TV distance {column.Value:0.000}.");
            var table = new TextTable(new[] { column.Column, "share real", "share synth" }
                .Concat(features.SelectMany(f => new[] { $"{f} mean real", $"{f} mean synth" })).ToArray());
            foreach (var level in column.Categories)
                table.Add(new[] { level.Category, level.RealShare.ToString("0.000", Invariant), level.SyntheticShare.ToString("0.000", Invariant) }
                    .Concat(features.SelectMany((_, f) => new[] { N(level.RealFeatureMeans[f]), N(level.SyntheticFeatureMeans[f]) })).ToArray());
            text.Append('\n').Append(table.ToString());
        }
    }

    private static string N(double x) => x.ToString("0.###", Invariant);

    private static string Lags(double[] acf) => string.Join(" ", acf.Take(3).Select(a => a.ToString("0.00", Invariant)));
}
