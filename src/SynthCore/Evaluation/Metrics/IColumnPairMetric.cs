namespace SynthCore.Evaluation.Metrics;

/// <summary>A metric comparing how two columns vary together in the real and in the synthetic table.</summary>
public interface IColumnPairMetric : IMetric
{
    /// <summary>Scores the synthetic pair against the real pair.</summary>
    MetricResult Compute(ColumnPair real, ColumnPair synthetic);
}
