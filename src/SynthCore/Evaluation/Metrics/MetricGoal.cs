namespace SynthCore.Evaluation.Metrics;

/// <summary>Which way a metric's score is better.</summary>
public enum MetricGoal
{
    /// <summary>Higher is better (similarities, adherence).</summary>
    Maximize,
    /// <summary>Lower is better (distances).</summary>
    Minimize,
}
