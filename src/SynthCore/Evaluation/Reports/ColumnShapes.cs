using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>
/// The Column Shapes property: does each column, on its own, look like the real one? KSComplement for
/// numeric and date columns, TVComplement for categorical and boolean ones; identifiers are skipped.
/// </summary>
public static class ColumnShapes
{
    public const string Name = "Column Shapes";

    /// <summary>One row per compared column, in metadata order.</summary>
    public static IReadOnlyList<ColumnScore> Details(DataFrame real, DataFrame synthetic, TableMetadata metadata, CancellationToken cancellation = default)
    {
        var details = new List<ColumnScore>();
        foreach (var column in metadata.Columns)
        {
            cancellation.ThrowIfCancellationRequested();
            IColumnMetric? metric = ReportInputs.IsContinuous(column.Kind) ? new KSComplement()
                : ReportInputs.IsDiscrete(column.Kind) ? new TVComplement()
                : null;
            if (metric is null) continue;
            var result = metric.Compute(real.Columns[column.Name], synthetic.Columns[column.Name]);
            details.Add(new ColumnScore(column.Name, result.Metric, result.Score, result.Error));
        }
        return details;
    }
}
