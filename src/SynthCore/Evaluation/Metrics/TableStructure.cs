namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// How many (column name, value type) pairs the two tables share, over how many appear in either
/// (SDMetrics' TableStructure: intersection over union). 1 means the same columns with the same types.
/// </summary>
public sealed class TableStructure : UnitScore, ITableMetric
{
    public MetricResult Compute(DataFrame real, DataFrame synthetic)
    {
        var r = real.Columns.Select(c => (c.Name, c.DataType)).ToHashSet();
        var s = synthetic.Columns.Select(c => (c.Name, c.DataType)).ToHashSet();
        var union = r.Union(s).Count();
        if (union == 0)
            return MetricResult.NotApplicable(this, "Both tables have no columns.");
        return MetricResult.Of(this, (double)r.Intersect(s).Count() / union);
    }
}
