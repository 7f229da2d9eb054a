namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// 1 − the total variation distance between the normalised two-way frequency tables of the real and the
/// synthetic pair (SDMetrics' ContingencySimilarity), for categorical or boolean pairs (and numeric columns
/// once binned, see <see cref="EqualWidthBins"/>). As in SDMetrics, a missing cell is a category of its own ("nan").
/// </summary>
public sealed class ContingencySimilarity : UnitScore, IColumnPairMetric
{
    public MetricResult Compute(ColumnPair real, ColumnPair synthetic) =>
        Compute(ColumnValues.Labels(real.First), ColumnValues.Labels(real.Second),
            ColumnValues.Labels(synthetic.First), ColumnValues.Labels(synthetic.Second));

    /// <summary>The score from columns already read as labels (null = missing), as the report caches them.</summary>
    internal MetricResult Compute(string?[] realFirst, string?[] realSecond, string?[] syntheticFirst, string?[] syntheticSecond)
    {
        // Labels become integer codes shared by both tables, so a cell is one long instead of two strings.
        var firstCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var secondCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var r = Frequencies(realFirst, realSecond, firstCodes, secondCodes);
        var s = Frequencies(syntheticFirst, syntheticSecond, firstCodes, secondCodes);
        if (r.Count == 0 || s.Count == 0)
            return MetricResult.NotApplicable(this, $"The {(r.Count == 0 ? "real" : "synthetic")} table has no rows.");
        double variation = 0;
        foreach (var cell in r.Keys.Union(s.Keys))
            variation += Math.Abs(r.GetValueOrDefault(cell) - s.GetValueOrDefault(cell));
        return MetricResult.Of(this, 1 - variation / 2);
    }

    private static Dictionary<long, double> Frequencies(string?[] first, string?[] second,
        Dictionary<string, int> firstCodes, Dictionary<string, int> secondCodes)
    {
        var counts = new Dictionary<long, double>();
        for (var i = 0; i < first.Length; i++)
        {
            var cell = ((long)Code(firstCodes, first[i]) << 32) | (uint)Code(secondCodes, second[i]);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }
        foreach (var cell in counts.Keys.ToArray()) counts[cell] /= first.Length;
        return counts;
    }

    private static int Code(Dictionary<string, int> codes, string? label)
    {
        label ??= MissingCategory.Key;
        if (!codes.TryGetValue(label, out var code)) codes[label] = code = codes.Count;
        return code;
    }
}
