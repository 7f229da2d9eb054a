namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// A score from 0 to 1 where 1 is best, as most of SDMetrics' are. Its name is the class's, which is how SDMetrics
/// spells the metric.
/// </summary>
public abstract class UnitScore : IMetric
{
    public string Name => GetType().Name;
    public double Min => 0;
    public double Max => 1;
    public MetricGoal Goal => MetricGoal.Maximize;
}
