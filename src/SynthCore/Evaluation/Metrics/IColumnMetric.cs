namespace SynthCore.Evaluation.Metrics;

/// <summary>A metric comparing one real column with the same synthetic column.</summary>
public interface IColumnMetric : IMetric
{
    /// <summary>Scores <paramref name="synthetic"/> against <paramref name="real"/>; missing values are handled as the metric documents.</summary>
    MetricResult Compute(DataFrameColumn real, DataFrameColumn synthetic);
}
