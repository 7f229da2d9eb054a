using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Embeddings;
using SynthCore.Evaluation.Scorecards;

namespace SynthReports.Charts;

/// <summary>
/// The charts of an evaluation: each column's distribution, real beside synthetic, and correlation
/// heatmaps, as plotly.js figures (<see cref="Figure"/>). Used by the HTML report and by notebook formatters.
/// </summary>
public static class EvaluationCharts
{
    public const string RealColor = "#1f77b4";
    public const string SyntheticColor = "#ff7f0e";

    /// <summary>Bins of a numeric or date column's histogram.</summary>
    public const int HistogramBins = 30;

    /// <summary>
    /// Overlaid histograms (share of rows per bin, the same bins for both tables) of a numeric or date column,
    /// or grouped bars of category shares for a categorical or boolean column. Missing values are left out.
    /// The bins are counted here rather than by plotly.js so the page stays small for large tables.
    /// </summary>
    public static Figure Distribution(string column, ColumnKind kind, IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic)
    {
        bool numeric = kind is ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime;
        var traces = numeric ? HistogramBars(real, synthetic) : CategoryBars(real, synthetic);
        var layout = new Layout();
        layout.Set("title", Title(column));
        layout.Set("barmode", numeric ? "overlay" : "group");
        layout.Set("xaxis", Axis(column));
        layout.Set("yaxis", Axis(numeric ? "share of rows per bin" : "share of rows"));
        layout.Set("height", 360);
        layout.Set("width", 520);
        return new Figure(traces, layout);
    }

    /// <summary>
    /// The chart sections of an evaluation's page, in order, as the report and the notebook show them: the distributions,
    /// then the correlation heatmaps when there are two columns to correlate.
    /// </summary>
    public static IReadOnlyList<(string Title, Figure[] Charts)> Sections(TableEvaluation evaluation)
    {
        var sections = new List<(string, Figure[])> { ("Distributions", Distributions(evaluation.Metadata, evaluation.Real, evaluation.Synthetic)) };
        if (evaluation.Correlations.Columns.Count > 1)
            sections.Add(("Correlations (Pearson)", CorrelationHeatmaps(evaluation.Correlations)));
        return sections;
    }

    /// <summary>One <see cref="Distribution"/> chart per column of <paramref name="metadata"/>, identifiers left out.</summary>
    public static Figure[] Distributions(TableMetadata metadata, DataFrame real, DataFrame synthetic) =>
        metadata.Columns.Where(c => c.Kind != ColumnKind.Identifier)
            .Select(c => Distribution(c.Name, c.Kind, ChartValues.Of(real.Columns[c.Name]), ChartValues.Of(synthetic.Columns[c.Name])))
            .ToArray();

    /// <summary>The real, synthetic and difference (synthetic − real) heatmaps of a correlation comparison.</summary>
    public static Figure[] CorrelationHeatmaps(CorrelationComparison correlations) =>
        new[] { ("Real", correlations.Real), ("Synthetic", correlations.Synthetic), ("Difference (synthetic − real)", correlations.Difference) }
            .Select(m => CorrelationHeatmap(m.Item1, correlations.Columns, m.Item2)).ToArray();

    /// <summary>A correlation heatmap on a fixed −1..1 scale (null cells are left blank).</summary>
    public static Figure CorrelationHeatmap(string title, IReadOnlyList<string> columns, double?[][] matrix)
    {
        var trace = new Trace("heatmap");
        trace.Set("x", columns.ToArray());
        trace.Set("y", columns.ToArray());
        trace.Set("z", matrix.Select(row => row.Select(v => v is double x ? (object)Math.Round(x, 4) : null).ToArray()).ToArray());
        trace.Set("zmin", -1.0);
        trace.Set("zmax", 1.0);
        trace.Set("colorscale", "RdBu");
        trace.Set("reversescale", true);
        var layout = new Layout();
        layout.Set("title", Title(title));
        layout.Set("yaxis", new Dictionary<string, object> { ["autorange"] = "reversed" });
        layout.Set("height", 420);
        layout.Set("width", 520);
        return new Figure([trace], layout);
    }

    /// <summary>Most points drawn per table in a scatter chart; larger tables are thinned to every k-th row.</summary>
    public const int MaxScatterPoints = 5000;

    /// <summary>
    /// Real and synthetic rows on the real table's first two principal components (one component: against the row number).
    /// </summary>
    public static Figure PcaScatter(PcaEmbedding pca, string? title = null)
    {
        var traces = new[] { Scatter("real", RealColor, pca.Real), Scatter("synthetic", SyntheticColor, pca.Synthetic) };
        var layout = new Layout();
        string Axis(int k) => k < pca.ExplainedVarianceRatio.Count
            ? $"PC{k + 1} ({100 * pca.ExplainedVarianceRatio[k]:0.0}% of the real variance)" : "row";
        layout.Set("title", Title(title ?? "Principal components of the real table"));
        layout.Set("xaxis", EvaluationCharts.Axis(Axis(0)));
        layout.Set("yaxis", EvaluationCharts.Axis(Axis(1)));
        layout.Set("height", 480);
        layout.Set("width", 640);
        return new Figure(traces, layout);
    }

    /// <summary>The joint t-SNE map of real and synthetic rows, coloured by source.</summary>
    public static Figure TSneScatter(TSneEmbedding embedding, string? title = null)
    {
        var real = embedding.Points.Where((_, i) => embedding.Source[i] == TSneEmbedding.Real).ToArray();
        var synthetic = embedding.Points.Where((_, i) => embedding.Source[i] == TSneEmbedding.Synthetic).ToArray();
        var traces = new[] { Scatter("real", RealColor, real), Scatter("synthetic", SyntheticColor, synthetic) };
        var layout = new Layout();
        layout.Set("title", Title(title ?? $"t-SNE of real and synthetic rows together (KL {embedding.KlDivergence:0.000})"));
        layout.Set("xaxis", Axis("t-SNE 1"));
        layout.Set("yaxis", Axis("t-SNE 2"));
        layout.Set("height", 480);
        layout.Set("width", 640);
        return new Figure(traces, layout);
    }

    /// <summary>Grouped bars of each utility metric, trained on real rows and trained on synthetic rows (both tested on real holdout rows).</summary>
    public static Figure UtilityBars(IReadOnlyList<(string Model, string Metric, double? Real, double? Synthetic)> rows)
    {
        var labels = rows.Select(r => (object)$"{r.Model} {r.Metric}").ToArray();
        var traces = new[]
        {
            Bar("train real, test real", RealColor, labels, rows.Select(r => r.Real ?? double.NaN).ToArray()),
            Bar("train synthetic, test real", SyntheticColor, labels, rows.Select(r => r.Synthetic ?? double.NaN).ToArray()),
        };
        var layout = new Layout();
        layout.Set("title", Title("Machine-learning utility"));
        layout.Set("barmode", "group");
        layout.Set("height", 400);
        layout.Set("width", 720);
        return new Figure(traces, layout);
    }

    private static Trace Scatter(string name, string color, IReadOnlyList<double[]> points)
    {
        int step = Math.Max(1, (points.Count + MaxScatterPoints - 1) / MaxScatterPoints);
        var shown = points.Where((_, i) => i % step == 0).ToArray();
        var trace = new Trace("scatter");
        trace.Set("name", step > 1 ? $"{name} (every {step}th row)" : name);
        trace.Set("mode", "markers");
        trace.Set("x", shown.Select(p => Math.Round(p[0], 5)).ToArray());
        trace.Set("y", shown.Select((p, i) => p.Length > 1 ? Math.Round(p[1], 5) : i * step).ToArray());
        trace.Set("marker", new Dictionary<string, object> { ["color"] = color, ["size"] = 5, ["opacity"] = 0.5 });
        return trace;
    }

    private static Trace[] HistogramBars(IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic)
    {
        bool dates = real.Concat(synthetic).Any(v => v is DateTime);
        var r = Numbers(real);
        var s = Numbers(synthetic);
        var all = r.Concat(s).ToArray();
        if (all.Length == 0) return [];
        double min = all.Min(), max = all.Max();
        double width = max > min ? (max - min) / HistogramBins : 1;
        object Center(int bin) => dates ? new DateTime((long)(min + (bin + 0.5) * width)) : min + (bin + 0.5) * width;
        var centers = Enumerable.Range(0, HistogramBins).Select(Center).ToArray();
        // Bar widths on a date axis are in milliseconds.
        double barWidth = dates ? width / TimeSpan.TicksPerMillisecond : width;
        return
        [
            HistogramTrace("real", RealColor, centers, BinShares(r, min, width), barWidth),
            HistogramTrace("synthetic", SyntheticColor, centers, BinShares(s, min, width), barWidth),
        ];
    }

    private static double[] Numbers(IReadOnlyList<object?> values) => values
        .Select(v => v switch { null => double.NaN, DateTime d => d.Ticks, IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture), _ => double.NaN })
        .Where(double.IsFinite).ToArray();

    private static double[] BinShares(double[] values, double min, double width)
    {
        var shares = new double[HistogramBins];
        foreach (var v in values) shares[Math.Clamp((int)((v - min) / width), 0, HistogramBins - 1)]++;
        if (values.Length > 0) for (int i = 0; i < shares.Length; i++) shares[i] /= values.Length;
        return shares;
    }

    private static Trace HistogramTrace(string name, string color, object[] centers, double[] shares, double width)
    {
        var trace = Bar(name, color, centers, shares);
        trace.Set("width", width);
        trace.Set("opacity", 0.6);
        return trace;
    }

    private static Trace[] CategoryBars(IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic)
    {
        var realShares = Shares(real);
        var syntheticShares = Shares(synthetic);
        var categories = realShares.Keys.Union(syntheticShares.Keys)
            .OrderByDescending(k => realShares.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal).ToArray();
        return
        [
            Bar("real", RealColor, categories.Cast<object>().ToArray(), categories.Select(c => realShares.GetValueOrDefault(c)).ToArray()),
            Bar("synthetic", SyntheticColor, categories.Cast<object>().ToArray(), categories.Select(c => syntheticShares.GetValueOrDefault(c)).ToArray()),
        ];
    }

    private static Trace Bar(string name, string color, object[] categories, double[] shares)
    {
        var trace = new Trace("bar");
        trace.Set("name", name);
        trace.Set("x", categories);
        trace.Set("y", shares);
        trace.Set("marker", new Dictionary<string, object> { ["color"] = color });
        return trace;
    }

    private static Dictionary<string, double> Shares(IReadOnlyList<object?> values)
    {
        var labels = values.Where(v => v is not null).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();
        return labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Count() / labels.Length, StringComparer.Ordinal);
    }

    private static Dictionary<string, object> Title(string text) => new() { ["text"] = text };

    private static Dictionary<string, object> Axis(string title) => new() { ["title"] = Title(title) };
}
