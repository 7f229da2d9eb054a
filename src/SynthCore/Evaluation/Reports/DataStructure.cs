using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>The Data Structure property: do the tables have the same columns with the same value types (TableStructure)?</summary>
public static class DataStructure
{
    public const string Name = "Data Structure";

    /// <summary>The single TableStructure row, over all columns of both tables.</summary>
    public static IReadOnlyList<TableScore> Details(DataFrame real, DataFrame synthetic)
    {
        var result = new TableStructure().Compute(real, synthetic);
        return [new TableScore(result.Metric, result.Score, result.Error)];
    }
}
