namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// 1 − the total variation distance between the normalised two-way frequency tables of the real and the
/// synthetic pair (SDMetrics' ContingencySimilarity), for categorical or boolean pairs (and numeric columns
/// once binned, see <see cref="EqualWidthBins"/>). As in SDMetrics, a missing cell is a category of its own ("nan").
/// </summary>
public sealed class ContingencySimilarity : IColumnPairMetric
{
    public string Name => "ContingencySimilarity";
    public double Min => 0;
    public double Max => 1;
    public MetricGoal Goal => MetricGoal.Maximize;

    public MetricResult Compute(ColumnPair real, ColumnPair synthetic)
    {
        var r = Frequencies(real);
        var s = Frequencies(synthetic);
        if (r.Count == 0 || s.Count == 0)
            return MetricResult.NotApplicable(this, $"The {(r.Count == 0 ? "real" : "synthetic")} table has no rows.");
        double variation = 0;
        foreach (var cell in r.Keys.Union(s.Keys))
            variation += Math.Abs(r.GetValueOrDefault(cell) - s.GetValueOrDefault(cell));
        return MetricResult.Of(this, 1 - variation / 2);
    }

    private static Dictionary<(string, string), double> Frequencies(ColumnPair pair)
    {
        var first = ColumnValues.Labels(pair.First);
        var second = ColumnValues.Labels(pair.Second);
        var counts = new Dictionary<(string, string), double>();
        for (var i = 0; i < first.Length; i++)
        {
            var cell = (first[i] ?? MissingCategory.Key, second[i] ?? MissingCategory.Key);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }
        foreach (var cell in counts.Keys.ToArray()) counts[cell] /= first.Length;
        return counts;
    }
}
