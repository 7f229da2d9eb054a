namespace SynthCore.Synthesizers;

/// <summary>What <see cref="Balancer.Balance"/> generated.</summary>
/// <param name="Synthetic">The new rows, class by class (empty table with the model's columns when nothing was needed).</param>
/// <param name="RealCounts">Rows of each class in the real table.</param>
/// <param name="Added">Synthetic rows generated for each class.</param>
public sealed record BalanceResult(DataFrame Synthetic, IReadOnlyDictionary<string, int> RealCounts, IReadOnlyDictionary<string, int> Added);

/// <summary>
/// Tops up the rarer classes of a target column with synthetic rows from a fitted model's conditional
/// sampling, just enough for every class to reach <c>ratio</c> × the largest class (1 = fully balanced).
/// Works with any model whose Sample honours an equals condition on a category (natively or by rejection).
/// </summary>
public static class Balancer
{
    /// <exception cref="SynthColumnException">The target is unknown, not categorical/boolean, or has no values.</exception>
    /// <exception cref="SynthOptionException">The ratio is not in (0, 1].</exception>
    public static BalanceResult Balance(IFittedSynthesizer model, DataFrame real, string target, double ratio = 1.0, int seed = 42)
    {
        var meta = model.Metadata[target];
        if (meta.Kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
            throw new SynthColumnException(target, $"is {ColumnValueCodec.KindName(meta.Kind)}; balancing needs a categorical or boolean column.");
        if (!(ratio > 0 && ratio <= 1)) throw new SynthOptionException("--balance-ratio", $"must be above 0 and at most 1, got {ratio}.");
        if (!real.Columns.Any(c => c.Name == target)) throw new SynthColumnException(target, "is not in the real table.");

        var column = real.Columns[target];
        var codec = ColumnValueCodec.Create(target, ColumnStorageExtensions.StorageOf(column), meta.Kind);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (long r = 0; r < column.Length; r++)
            if (!ColumnStorageExtensions.IsMissing(column[r])) counts[codec.ToKey(column[r]!)] = counts.GetValueOrDefault(codec.ToKey(column[r]!)) + 1;
        if (counts.Count == 0) throw new SynthColumnException(target, "has no values to balance.");

        int goal = (int)Math.Ceiling(ratio * counts.Values.Max());
        var classSeeds = new RandomStreams(seed).Child("balance");
        var parts = new List<DataFrame>();
        var added = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (label, count) in counts)
        {
            int need = Math.Max(0, goal - count);
            added[label] = need;
            int classSeed = classSeeds.Seed(label);
            if (need == 0) continue;
            parts.Add(model.Sample(need, new SampleConditions([new EqualsCondition(target, label)]), classSeed));
        }
        var synthetic = parts.Count switch
        {
            0 => model.Sample(1, seed: seed).Head(0),
            1 => parts[0],
            _ => TableRows.Concat(parts),
        };
        return new BalanceResult(synthetic, counts, added);
    }
}
