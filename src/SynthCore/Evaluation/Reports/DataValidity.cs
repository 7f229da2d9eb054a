using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>
/// The Data Validity property: are the synthetic values valid values for their column? KeyUniqueness for
/// identifier columns, BoundaryAdherence for numeric and date columns, CategoryAdherence for categorical
/// and boolean ones.
/// </summary>
public static class DataValidity
{
    public const string Name = "Data Validity";

    /// <summary>One row per column, in metadata order.</summary>
    public static IReadOnlyList<ColumnScore> Details(DataFrame real, DataFrame synthetic, TableMetadata metadata) =>
        metadata.Columns.Select(column =>
        {
            IColumnMetric metric = column.Kind == ColumnKind.Identifier ? new KeyUniqueness()
                : ReportInputs.IsContinuous(column.Kind) ? new BoundaryAdherence()
                : new CategoryAdherence();
            var result = metric.Compute(real.Columns[column.Name], synthetic.Columns[column.Name]);
            return new ColumnScore(column.Name, result.Metric, result.Score, result.Error);
        }).ToArray();
}
