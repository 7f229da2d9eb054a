namespace SynthCore.Evaluation.Reports;

/// <summary>
/// How closely a synthetic table follows the real one, defined as SDMetrics' single-table QualityReport so
/// scores are comparable with SDV's: the <see cref="ColumnShapes"/> and <see cref="ColumnPairTrends"/>
/// properties, each the mean of its computed scores, and an overall <see cref="Score"/> that is the mean of
/// the two. Also keeps the toolkit's extras: per-column distributions (mean, std, Wasserstein, KS p-value),
/// the correlation difference norm and a 0–100 score.
/// </summary>
public sealed class QualityReport
{
    private QualityReport(double score, IReadOnlyList<PropertyScore> properties, IReadOnlyList<ColumnScore> columnShapes,
        IReadOnlyList<ColumnPairScore> columnPairTrends, IReadOnlyList<ColumnDistribution> columnDistributions, double? correlationDifference)
    {
        Score = score;
        Properties = properties;
        ColumnShapes = columnShapes;
        ColumnPairTrends = columnPairTrends;
        ColumnDistributions = columnDistributions;
        CorrelationDifference = correlationDifference;
    }

    /// <summary>The overall quality score, 0 to 1: the mean of the property scores that could be computed.</summary>
    public double Score { get; }

    /// <summary>
    /// The single 0–100 score: 100 × <see cref="Score"/>, i.e. 50 × (Column Shapes + Column Pair Trends),
    /// the same number SDV shows as a percentage.
    /// </summary>
    public double Score100 => 100 * Score;

    /// <summary>"Column Shapes" and "Column Pair Trends" with their scores.</summary>
    public IReadOnlyList<PropertyScore> Properties { get; }

    /// <summary>Per-column details of the Column Shapes property.</summary>
    public IReadOnlyList<ColumnScore> ColumnShapes { get; }

    /// <summary>Per-pair details of the Column Pair Trends property.</summary>
    public IReadOnlyList<ColumnPairScore> ColumnPairTrends { get; }

    /// <summary>Toolkit extra: mean, std, Wasserstein distance and KS test of each numeric or date column.</summary>
    public IReadOnlyList<ColumnDistribution> ColumnDistributions { get; }

    /// <summary>Toolkit extra: ‖C_real − C_synthetic‖_F (see <see cref="Reports.CorrelationDifference"/>); null with fewer than two numeric columns.</summary>
    public double? CorrelationDifference { get; }

    /// <summary>The score of the property called <paramref name="property"/>.</summary>
    /// <exception cref="ArgumentException">No such property.</exception>
    public double PropertyScore(string property) =>
        Properties.FirstOrDefault(p => p.Property == property)?.Score
        ?? throw new ArgumentException($"No property '{property}' (the report has: {string.Join(", ", Properties.Select(p => p.Property))}).", nameof(property));

    /// <summary>Compares <paramref name="synthetic"/> with <paramref name="real"/> on the columns of <paramref name="metadata"/>.</summary>
    /// <exception cref="SynthColumnException">A metadata column is missing from a table or holds values that do not suit its kind.</exception>
    /// <exception cref="SynthException">The tables are too large to compare in the free memory (see <see cref="Resources.ResourceGuard"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked per column and per column pair.</exception>
    public static QualityReport Generate(DataFrame real, DataFrame synthetic, TableMetadata metadata, QualityReportOptions? options = null,
        CancellationToken cancellation = default)
    {
        options ??= new QualityReportOptions();
        Resources.ResourceGuard.Current.EnsureComparisonFits("The quality report of", Math.Max(real.Rows.Count, synthetic.Rows.Count), metadata.Columns.Count);
        ReportInputs.Validate(real, synthetic, metadata);
        var shapes = Reports.ColumnShapes.Details(real, synthetic, metadata, cancellation);
        var trends = Reports.ColumnPairTrends.Details(real, synthetic, metadata, options, cancellation);
        PropertyScore[] properties =
        [
            new(Reports.ColumnShapes.Name, Averages.NanMean(shapes.Select(d => d.Score))),
            new(Reports.ColumnPairTrends.Name, Averages.NanMean(trends.Select(d => d.Score))),
        ];
        return new QualityReport(Averages.NanMean(properties.Select(p => p.Score)), properties, shapes, trends,
            ColumnDistribution.Compare(real, synthetic, metadata),
            Reports.CorrelationDifference.FrobeniusNorm(real, synthetic, metadata, options.Correlation, cancellation));
    }
}
