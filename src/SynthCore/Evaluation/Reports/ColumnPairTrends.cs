using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>
/// The Column Pair Trends property: do pairs of columns vary together as in the real table? Every pair of
/// non-identifier columns, in metadata order: CorrelationSimilarity for two numeric/date columns,
/// ContingencySimilarity for two categorical/boolean ones, and for a mixed pair ContingencySimilarity after
/// binning the numeric column into <see cref="EqualWidthBins.DefaultCount"/> equal-width bins.
/// </summary>
public static class ColumnPairTrends
{
    public const string Name = "Column Pair Trends";

    /// <summary>One row per pair, in metadata order (first column's position, then the second's).</summary>
    public static IReadOnlyList<ColumnPairScore> Details(DataFrame real, DataFrame synthetic, TableMetadata metadata, QualityReportOptions? options = null,
        CancellationToken cancellation = default)
    {
        options ??= new QualityReportOptions();
        var columns = metadata.Columns.Where(c => ReportInputs.IsContinuous(c.Kind) || ReportInputs.IsDiscrete(c.Kind)).ToArray();
        // Each column is read once: numbers for correlations, labels (bin numbers for numeric columns) for
        // contingency tables; reading per pair made wide tables slow.
        var realData = columns.Select(c => ColumnData.Read(real.Columns[c.Name], c.Kind, null)).ToArray();
        var syntheticData = columns.Select((c, i) =>
            ColumnData.Read(synthetic.Columns[c.Name], c.Kind, options.BinSyntheticOnRealRange ? realData[i].BinEdges : null)).ToArray();

        var correlation = new CorrelationSimilarity(options.Correlation);
        var contingency = new ContingencySimilarity();
        var details = new List<ColumnPairScore>();
        for (var i = 0; i < columns.Length; i++)
            for (var j = i + 1; j < columns.Length; j++)
            {
                cancellation.ThrowIfCancellationRequested();
                string a = columns[i].Name, b = columns[j].Name;
                if (realData[i].Numbers is { } ra && realData[j].Numbers is { } rb)
                {
                    var breakdown = correlation.ComputeBreakdown(a, b, ra, rb, syntheticData[i].Numbers!, syntheticData[j].Numbers!);
                    details.Add(new ColumnPairScore(a, b, breakdown.Result.Metric, breakdown.Result.Score, breakdown.Real, breakdown.Synthetic, breakdown.Result.Error));
                    continue;
                }
                var result = contingency.Compute(realData[i].Labels, realData[j].Labels, syntheticData[i].Labels, syntheticData[j].Labels);
                details.Add(new ColumnPairScore(a, b, result.Metric, result.Score, Error: result.Error));
            }
        return details;
    }

    /// <summary>A column as the pair metrics read it. For numeric columns the labels are bin numbers.</summary>
    private sealed record ColumnData(double?[]? Numbers, string?[] Labels, double[]? BinEdges)
    {
        public static ColumnData Read(DataFrameColumn column, ColumnKind kind, double[]? binEdges)
        {
            if (!ReportInputs.IsContinuous(kind)) return new ColumnData(null, ColumnValues.Labels(column), null);
            var edges = binEdges ?? EqualWidthBins.Edges(column);
            return new ColumnData(ColumnValues.AlignedNumbers(column), ColumnValues.Labels(EqualWidthBins.Digitize(column, edges)), edges);
        }
    }
}
