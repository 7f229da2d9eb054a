namespace SynthCore.Evaluation.Metrics;

/// <summary>A metric comparing whole tables.</summary>
public interface ITableMetric : IMetric
{
    /// <summary>Scores the synthetic table against the real one.</summary>
    MetricResult Compute(DataFrame real, DataFrame synthetic);
}
