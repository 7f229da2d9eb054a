namespace SynthCore.Evaluation.Metrics;

/// <summary>What every metric declares: its name, the range of its score and which way is better.</summary>
public interface IMetric
{
    /// <summary>The metric's name, as SDMetrics spells it.</summary>
    string Name { get; }

    /// <summary>Lowest possible score.</summary>
    double Min { get; }

    /// <summary>Highest possible score.</summary>
    double Max { get; }

    /// <summary>Whether higher or lower is better.</summary>
    MetricGoal Goal { get; }
}
