using Microsoft.Data.Analysis;
using SynthCore.Data;
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
    public static IReadOnlyList<ColumnPairScore> Details(DataFrame real, DataFrame synthetic, TableMetadata metadata, QualityReportOptions? options = null)
    {
        options ??= new QualityReportOptions();
        var columns = metadata.Columns.Where(c => ReportInputs.IsContinuous(c.Kind) || ReportInputs.IsDiscrete(c.Kind)).ToArray();
        var realBinned = new Dictionary<string, DataFrameColumn>();
        var syntheticBinned = new Dictionary<string, DataFrameColumn>();
        foreach (var column in columns.Where(c => ReportInputs.IsContinuous(c.Kind)))
        {
            var realEdges = EqualWidthBins.Edges(real.Columns[column.Name]);
            var syntheticEdges = options.BinSyntheticOnRealRange ? realEdges : EqualWidthBins.Edges(synthetic.Columns[column.Name]);
            realBinned[column.Name] = EqualWidthBins.Digitize(real.Columns[column.Name], realEdges);
            syntheticBinned[column.Name] = EqualWidthBins.Digitize(synthetic.Columns[column.Name], syntheticEdges);
        }

        var correlation = new CorrelationSimilarity(options.Correlation);
        var contingency = new ContingencySimilarity();
        var details = new List<ColumnPairScore>();
        for (var i = 0; i < columns.Length; i++)
            for (var j = i + 1; j < columns.Length; j++)
            {
                string a = columns[i].Name, b = columns[j].Name;
                bool aNumeric = ReportInputs.IsContinuous(columns[i].Kind), bNumeric = ReportInputs.IsContinuous(columns[j].Kind);
                if (aNumeric && bNumeric)
                {
                    var breakdown = correlation.ComputeBreakdown(ColumnPair.From(real, a, b), ColumnPair.From(synthetic, a, b));
                    details.Add(new ColumnPairScore(a, b, breakdown.Result.Metric, breakdown.Result.Score, breakdown.Real, breakdown.Synthetic, breakdown.Result.Error));
                    continue;
                }
                var result = contingency.Compute(
                    new ColumnPair(Pick(real, realBinned, a, aNumeric == bNumeric), Pick(real, realBinned, b, aNumeric == bNumeric)),
                    new ColumnPair(Pick(synthetic, syntheticBinned, a, aNumeric == bNumeric), Pick(synthetic, syntheticBinned, b, aNumeric == bNumeric)));
                details.Add(new ColumnPairScore(a, b, result.Metric, result.Score, Error: result.Error));
            }
        return details;
    }

    // In a mixed pair the numeric column enters the contingency table as bin numbers.
    private static DataFrameColumn Pick(DataFrame table, Dictionary<string, DataFrameColumn> binned, string name, bool sameShape) =>
        !sameShape && binned.TryGetValue(name, out var bins) ? bins : table.Columns[name];
}
