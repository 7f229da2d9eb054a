using SynthCore.Evaluation.Sequences;
using SynthReports.Charts;
using static SynthReports.EvaluationHtmlReport;

namespace SynthReports;

/// <summary>
/// The --report page of <c>synth run</c> for a sequence model: one self-contained HTML file (plotly.js inlined once)
/// (also of <c>synth evaluate --seq-len</c>) with the sequence comparison (per-feature statistics, autocorrelation, cross-correlation,
/// DTW, the mean series correlation, the discriminative and predictive scores), real and synthetic
/// sequences per feature, the windows' PCA, and the training losses.
/// </summary>
public static class SequenceHtmlReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="real">The real windows ([window][step][feature]), in the data's units.</param>
    /// <param name="synthetic">The generated sequences, same shape per sequence.</param>
    public static string Render(string realName, string syntheticName, string? model, double[][][] real, double[][][] synthetic,
        IReadOnlyList<string> features, SequenceComparison comparison, IReadOnlyList<LossPoint>? losses = null)
    {
        var html = new StringBuilder(Head($"Synthetic sequences: {syntheticName}"));
        html.Append("<h1>Synthetic sequences</h1>\n<p>");
        if (model is not null) html.Append("Model <code>").Append(Encode(model)).Append("</code>; ");
        html.Append("real: <code>").Append(Encode(realName))
            .Append(Invariant, $"</code> ({real.Length:N0} windows of {real[0].Length} steps); synthetic: <code>").Append(Encode(syntheticName))
            .Append(Invariant, $"</code> ({synthetic.Length:N0} sequences); features: ").Append(Encode(string.Join(", ", features))).Append(".</p>\n");

        Table(html, "Per feature", ["feature", "mean real", "mean synthetic", "std real", "std synthetic", "min real", "min synthetic", "max real", "max synthetic", "ACF mean |difference|"],
            comparison.Features.Select(f => new[]
            {
                f.Feature, Number(f.RealMean), Number(f.SyntheticMean), Number(f.RealStd), Number(f.SyntheticStd),
                Number(f.RealMin), Number(f.SyntheticMin), Number(f.RealMax), Number(f.SyntheticMax), Number(f.AcfMeanAbsoluteDifference),
            }));
        int lags = comparison.Features.Max(f => f.RealAcf.Length);
        if (lags > 0)
            Table(html, "Autocorrelation (real / synthetic)", ["feature", .. Enumerable.Range(1, lags).Select(l => $"lag {l}")],
                comparison.Features.Select(f => new[] { f.Feature }
                    .Concat(Enumerable.Range(0, lags).Select(l => l < f.RealAcf.Length ? $"{Number(f.RealAcf[l])} / {Number(f.SyntheticAcf[l])}" : "")).ToArray()));
        int differenceLags = comparison.Features.Max(f => f.RealDifferenceAcf.Length);
        if (differenceLags > 0)
            Table(html, "Autocorrelation of the step-to-step differences (real / synthetic; the one to compare for a trending or random-walk series)",
                ["feature", .. Enumerable.Range(1, differenceLags).Select(l => $"lag {l}")],
                comparison.Features.Select(f => new[] { f.Feature }
                    .Concat(Enumerable.Range(0, differenceLags).Select(l => l < f.RealDifferenceAcf.Length ? $"{Number(f.RealDifferenceAcf[l])} / {Number(f.SyntheticDifferenceAcf[l])}" : "")).ToArray()));
        html.Append("<p>Cross-correlation (lag 0) mean |difference|: ").Append(Number(comparison.CrossCorrelationMeanAbsoluteDifference))
            .Append(". Mean DTW distance synthetic → real: ").Append(Number(comparison.SyntheticToRealDtw))
            .Append(" (real → real: ").Append(Number(comparison.RealToRealDtw)).Append("). Diversity, synthetic → synthetic: ")
            .Append(Number(comparison.SyntheticToSyntheticDtw)).Append(", ").Append(Number(comparison.DiversityRatio)).Append(" of real → real")
            .Append(comparison.Collapsed ? ": <b>collapsed</b> (less than half the real variety; a low DTW then means little)" : "").Append(".</p>\n");
        html.Append("<p>Mean correlation of each synthetic series with the real series nearest to it by DTW: ").Append(Number(comparison.MeanSeriesCorrelation))
            .Append(" (1 for copies of real windows, near 0 for shuffled or flat series).</p>\n");
        if (comparison.Scores is { } scores)
            Table(html, "TimeGAN scores", ["score", "value", "reference", "iterations", "meaning"],
            [
                ["discriminative", Number(scores.Discriminative.Score), string.Create(Invariant, $"accuracy {scores.Discriminative.Accuracy:0.000}"),
                    scores.DiscriminativeIterations.ToString("N0", Invariant), "|accuracy − 0.5| of a GRU classifier of real vs synthetic on held-out sequences: 0 indistinguishable, 0.5 told apart"],
                ["predictive (train on synthetic, test on real)", Number(scores.Predictive.TrainOnSyntheticMae),
                    string.Create(Invariant, $"trained on real: {scores.Predictive.TrainOnRealMae:0.000}"), scores.PredictiveIterations.ToString("N0", Invariant),
                    "next-step MAE on real sequences (min-max scaled) of a GRU trained on the synthetic ones; near the real-trained MAE is good"],
            ]);
        else
            html.Append("<p>Discriminative and predictive scores: not measured.</p>\n");

        foreach (var column in comparison.Static ?? [])
        {
            if (column.Categorical)
                Table(html, string.Create(Invariant, $"Static column {column.Column} (one value per sequence; total-variation distance {column.Value:0.000})"),
                    ["category", "share real", "share synthetic", .. features.Select(f => $"{f}: mean real / synthetic")],
                    column.Categories.Select(level => new[] { level.Category, Number(level.RealShare), Number(level.SyntheticShare) }
                        .Concat(features.Select((_, f) => $"{Number(level.RealFeatureMeans[f])} / {Number(level.SyntheticFeatureMeans[f])}")).ToArray()));
            else
                html.Append("<p>Static column <code>").Append(Encode(column.Column)).Append("</code> (one value per sequence): KS ").Append(Number(column.Value))
                    .Append(", mean real ").Append(Number(column.RealMean)).Append(", synthetic ").Append(Number(column.SyntheticMean))
                    .Append(Encode(string.Concat(features.Take(column.RealFeatureCorrelations.Length).Select((f, k) =>
                        $"; correlation with {f}'s sequence mean real {Number(column.RealFeatureCorrelations[k])}, synthetic {Number(column.SyntheticFeatureCorrelations[k])}"))))
                    .Append(".</p>\n");
        }

        html.Append("<h2>Sequences</h2>\n<div class=\"grid\">\n");
        foreach (var chart in SequenceComparisonChart.Build(real, synthetic, features))
            html.Append("<div>").Append(FigureHtml.Div(chart)).Append("</div>\n");
        html.Append("</div>\n");

        if (real.Length >= 2)
        {
            var pca = SequenceWindowEmbedding.Pca(real, synthetic, features);
            html.Append("<h2>Principal components of the windows</h2>\n<p>Windows min-max scaled on the real range and flattened; PCA fitted on the real windows. Explained variance: ")
                .Append(Encode(string.Join(", ", pca.ExplainedVarianceRatio.Select((r, k) => string.Create(Invariant, $"PC{k + 1} {100 * r:0.0}%"))))).Append(".</p>\n<div>")
                .Append(FigureHtml.Div(EvaluationCharts.PcaScatter(pca, "Sequence windows on the real windows' principal components"))).Append("</div>\n");
        }
        LossSection(html, losses);
        return html.Append("</body>\n</html>\n").ToString();
    }
}
