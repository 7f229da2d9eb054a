using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>Which marginal each numeric column gets.</summary>
public enum MarginalKind
{
    /// <summary>The empirical quantile function (interpolated order statistics).</summary>
    Empirical,
    /// <summary>The best parametric family fitted by maximum likelihood (see <see cref="DistributionFitter"/>).</summary>
    Parametric,
}

/// <param name="Marginals">Empirical or parametric marginals for numeric columns (dates always use empirical ones).</param>
/// <param name="Correlated">Estimate the normal-score correlation (copula); false samples columns independently.</param>
/// <param name="Ranking">How the parametric family is chosen.</param>
/// <param name="QuantilePoints">Points of each stored quantile function.</param>
/// <param name="FitSampleSize">Parametric families are fitted on at most this many values of a column (a seeded subsample).</param>
/// <param name="CategoryOrder">Where each category's frequency interval sits in [0, 1].</param>
internal sealed record CopulaFitOptions(MarginalKind Marginals, bool Correlated, FitRanking Ranking, CategoryOrder CategoryOrder = CategoryOrder.Association, int QuantilePoints = 2049, int FitSampleSize = 20_000);

/// <summary>The order of the categories' frequency intervals on [0, 1].</summary>
public enum CategoryOrder
{
    /// <summary>Most frequent first, as RDT's FrequencyEncoder.</summary>
    Frequency,
    /// <summary>
    /// By each category's mean normal score on the numeric column the categories explain best (largest
    /// correlation ratio η²). A Gaussian copula can only express monotone links; putting e.g. the heavy
    /// penguin species at one end rather than in the middle lets conditioning on it move the body mass.
    /// Falls back to frequency order when there is no numeric column.
    /// </summary>
    Association,
}

/// <summary>
/// Fits the per-column marginals and the Gaussian-copula correlation. Normal scores are rank based
/// (pseudo-observations, Φ⁻¹((rank + ½)/n), ties broken at random): the standard semi-parametric
/// copula estimator, independent of which marginal is later used to sample. Categorical columns
/// are ranked by their frequency interval (categories ordered most frequent first), which puts each
/// row's score inside its category's interval of [0, 1], as RDT's FrequencyEncoder does.
/// Correlations are pairwise over rows where both columns have a value, then repaired.
/// </summary>
internal static class CopulaFitter
{
    private sealed class ColumnData
    {
        public double[]? Numbers;      // NaN = missing
        public int[]? CategoryIndex;   // −1 = missing
        public CopulaColumn Column = null!;
        public double[]? Scores;       // NaN = missing
    }

    public static CopulaState Fit(DataFrame table, TableMetadata metadata, CopulaFitOptions options, int seed, CancellationToken cancellationToken)
    {
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows to fit.");
        foreach (var meta in metadata.Columns)
            if (!table.Columns.Any(c => c.Name == meta.Name))
                throw new SynthColumnException(meta.Name, "is in the metadata but not in the table.");
        var streams = new RandomStreams(seed);
        var data = new ColumnData[metadata.Columns.Count];
        Parallel.For(0, data.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            data[i] = ReadColumn(table.Columns[metadata.Columns[i].Name], metadata.Columns[i], options, streams.Child("read").Stream(metadata.Columns[i].Name)));

        // Modelled columns get copula dimensions in table order.
        int dims = 0;
        for (int i = 0; i < data.Length; i++)
            if (IsModelled(data[i])) data[i].Column = data[i].Column with { Dimension = dims++ };

        var modelled = data.Where(IsModelled).ToArray();
        var correlation = new double[dims, dims];
        for (int i = 0; i < dims; i++) correlation[i, i] = 1;
        if (options.Correlated && dims > 1)
        {
            var scores = streams.Child("scores");
            var parallel = new ParallelOptions { CancellationToken = cancellationToken };
            // Numbers first: the category order is chosen from them.
            Parallel.For(0, modelled.Length, parallel, k =>
            {
                if (modelled[k].Numbers is not null) modelled[k].Scores = NormalScores(modelled[k], scores.Stream(modelled[k].Column.Name));
            });
            var numeric = modelled.Where(m => m.Scores is not null).ToArray();
            Parallel.For(0, modelled.Length, parallel, k =>
            {
                if (modelled[k].CategoryIndex is null) return;
                if (options.CategoryOrder == CategoryOrder.Association) OrderByAssociation(modelled[k], numeric);
                modelled[k].Scores = NormalScores(modelled[k], scores.Stream(modelled[k].Column.Name));
            });
            var pairs = new List<(int, int)>();
            for (int i = 0; i < dims; i++) for (int j = i + 1; j < dims; j++) pairs.Add((i, j));
            Parallel.ForEach(pairs, new ParallelOptions { CancellationToken = cancellationToken }, pair =>
            {
                double r = Pearson(modelled[pair.Item1].Scores!, modelled[pair.Item2].Scores!);
                correlation[pair.Item1, pair.Item2] = correlation[pair.Item2, pair.Item1] = r;
            });
            correlation = CorrelationRepair.Repair(correlation, cancellationToken);
        }
        var flat = new double[dims * dims];
        for (int i = 0; i < dims; i++) for (int j = 0; j < dims; j++) flat[i * dims + j] = correlation[i, j];
        return new CopulaState
        {
            Columns = data.Select(d => d.Column).ToArray(),
            Correlation = flat,
            Dimensions = dims,
            Domain = ConditionDomain.FromTable(table, metadata).ToJson(),
            Seed = seed,
        };
    }

    /// <summary>Reorders a categorical column's categories by their mean score on its most associated numeric column.</summary>
    private static void OrderByAssociation(ColumnData d, ColumnData[] numeric)
    {
        var categories = d.Column.Categories!;
        int k = categories.Length;
        double bestEta = 0;
        double[]? bestMeans = null;
        foreach (var other in numeric)
        {
            var sum = new double[k];
            var count = new int[k];
            double total = 0, totalSq = 0;
            int n = 0;
            for (int r = 0; r < d.CategoryIndex!.Length; r++)
            {
                int c = d.CategoryIndex[r];
                double z = other.Scores![r];
                if (c < 0 || double.IsNaN(z)) continue;
                sum[c] += z; count[c]++; total += z; totalSq += z * z; n++;
            }
            if (n < 2) continue;
            double mean = total / n, within = totalSq - n * mean * mean, between = 0;
            for (int c = 0; c < k; c++) if (count[c] > 0) between += count[c] * Math.Pow(sum[c] / count[c] - mean, 2);
            double eta = within > 0 ? between / within : 0;
            if (eta > bestEta)
            {
                bestEta = eta;
                bestMeans = Enumerable.Range(0, k).Select(c => count[c] > 0 ? sum[c] / count[c] : 0).ToArray();
            }
        }
        if (bestMeans is null) return;
        var order = Enumerable.Range(0, k).OrderBy(c => bestMeans[c]).ThenBy(c => c).ToArray();
        var newIndex = new int[k];
        for (int i = 0; i < k; i++) newIndex[order[i]] = i;
        for (int r = 0; r < d.CategoryIndex!.Length; r++)
            if (d.CategoryIndex[r] >= 0) d.CategoryIndex[r] = newIndex[d.CategoryIndex[r]];
        d.Column = d.Column with
        {
            Categories = order.Select(c => categories[c]).ToArray(),
            Frequencies = order.Select(c => d.Column.Frequencies![c]).ToArray(),
        };
    }

    private static bool IsModelled(ColumnData d) =>
        d.Column.Quantiles is { } q ? q[0] < q[^1] : d.Column.Categories is { Length: > 1 };

    private static ColumnData ReadColumn(DataFrameColumn column, ColumnMetadata meta, CopulaFitOptions options, Random random)
    {
        var storage = ColumnStorageExtensions.StorageOf(column);
        int n = (int)column.Length;
        var result = new ColumnData();
        var baseColumn = new CopulaColumn { Name = meta.Name, Kind = meta.Kind, Storage = storage.ToJsonName() };
        switch (meta.Kind)
        {
            case ColumnKind.Identifier:
            {
                var transform = new IdentifierTransform(meta.Name);
                transform.Fit(column);
                result.Column = baseColumn with { Identifier = transform.ToJson() };
                return result;
            }
            case ColumnKind.Categorical or ColumnKind.Boolean:
            {
                var codec = ColumnValueCodec.Create(meta.Name, storage, meta.Kind);
                var raw = new string?[n];
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                int missing = 0;
                for (int r = 0; r < n; r++)
                {
                    object? cell = column[r];
                    if (ColumnStorageExtensions.IsMissing(cell)) { missing++; continue; }
                    string key = codec.ToKey(cell!);
                    raw[r] = key;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
                var keys = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
                var order = keys.Select((k, i) => (k, i)).ToDictionary(t => t.k, t => t.i, StringComparer.Ordinal);
                var index = new int[n];
                for (int r = 0; r < n; r++) index[r] = raw[r] is { } key ? order[key] : -1;
                int observed = n - missing;
                result.CategoryIndex = index;
                result.Column = baseColumn with
                {
                    MissingRate = (double)missing / n,
                    Categories = keys.Length > 0 ? keys : null,
                    Frequencies = keys.Select(k => (double)counts[k] / observed).ToArray(),
                };
                return result;
            }
            default:
            {
                var numbers = ReadNumbers(column, storage, meta.Kind, out DateTimeKind dateKind);
                var observed = numbers.Where(double.IsFinite).ToArray();
                Array.Sort(observed);
                result.Numbers = numbers;
                if (observed.Length == 0)
                {
                    result.Column = baseColumn with { MissingRate = 1 };
                    return result;
                }
                double step = meta.Kind switch
                {
                    ColumnKind.Integer => 1,
                    ColumnKind.Datetime => DateStep(observed),
                    _ => 0,
                };
                var (quantiles, marginal, distribution) = Marginal(observed, meta.Kind, options, random);
                result.Column = baseColumn with
                {
                    MissingRate = (double)(n - observed.Length) / n,
                    Quantiles = quantiles.Values,
                    Step = step,
                    DateKind = dateKind,
                    Marginal = marginal,
                    Distribution = distribution,
                };
                return result;
            }
        }
    }

    private static (QuantileTable, string, FittedDistribution?) Marginal(double[] sorted, ColumnKind kind, CopulaFitOptions options, Random random)
    {
        var empirical = QuantileTable.FromSorted(sorted, options.QuantilePoints);
        if (options.Marginals == MarginalKind.Empirical || kind == ColumnKind.Datetime || sorted[0] == sorted[^1])
            return (empirical, "empirical", null);
        double[] sample = sorted;
        if (sorted.Length > options.FitSampleSize)
        {
            sample = new double[options.FitSampleSize];
            for (int i = 0; i < sample.Length; i++) sample[i] = sorted[random.Next(sorted.Length)];
        }
        bool counts = kind == ColumnKind.Integer && sorted[0] >= 0;
        var families = counts ? DistributionFamilies.Counts.Concat(DistributionFamilies.Continuous) : DistributionFamilies.Continuous;
        var best = DistributionFitter.Fit(sample, counts, options.Ranking, families)[0];
        var table = QuantileTable.FromDistribution(best.Distribution, sorted[0], sorted[^1], options.QuantilePoints);
        return (table, best.Family.ToName(), best.Distribution);
    }

    /// <summary>Numbers of a column (ticks for dates), NaN for missing; typed fast path for double columns.</summary>
    private static double[] ReadNumbers(DataFrameColumn column, ColumnStorage storage, ColumnKind kind, out DateTimeKind dateKind)
    {
        int n = (int)column.Length;
        var values = new double[n];
        dateKind = DateTimeKind.Unspecified;
        if (column is DoubleDataFrameColumn doubles) return DoubleColumns.Read(doubles);
        if (column is DateTimeDataFrameColumn dates)
        {
            for (int r = 0; r < n; r++)
                if (dates[r] is DateTime d) { values[r] = d.Ticks; dateKind = d.Kind; }
                else values[r] = double.NaN;
            return values;
        }
        var codec = ColumnValueCodec.Create(column.Name, storage, kind);
        for (int r = 0; r < n; r++)
            values[r] = column[r] is { } cell && !ColumnStorageExtensions.IsMissing(cell) && codec.TryToNumber(cell, out double x) ? x : double.NaN;
        return values;
    }

    /// <summary>The coarsest of day, hour, minute, second, millisecond that every date is a whole multiple of, so sampled dates look like the real ones.</summary>
    private static double DateStep(double[] ticks)
    {
        foreach (long step in new[] { TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond })
            if (ticks.All(t => (long)t % step == 0)) return step;
        return 0;
    }

    /// <summary>Φ⁻¹((rank + ½)/n) for each observed row, ranks over the column's sort key with ties in random order; NaN for missing.</summary>
    private static double[] NormalScores(ColumnData d, Random random)
    {
        int n = d.Numbers?.Length ?? d.CategoryIndex!.Length;
        var scores = new double[n];
        Array.Fill(scores, double.NaN);
        int observed = 0;
        var keys = new double[n];
        var rows = new int[n];
        for (int r = 0; r < n; r++)
        {
            double key = d.Numbers is { } numbers ? numbers[r] : d.CategoryIndex![r] >= 0 ? d.CategoryIndex[r] : double.NaN;
            if (double.IsNaN(key)) continue;
            keys[observed] = key;
            rows[observed++] = r;
        }
        Array.Sort(keys, rows, 0, observed);
        for (int start = 0; start < observed;)
        {
            int end = start + 1;
            while (end < observed && keys[end] == keys[start]) end++;
            for (int i = end - 1; i > start; i--)
            {
                int j = random.Next(start, i + 1);
                (rows[i], rows[j]) = (rows[j], rows[i]);
            }
            start = end;
        }
        var table = RankScores(observed);
        for (int rank = 0; rank < observed; rank++)
            scores[rows[rank]] = table[rank];
        return scores;
    }

    // Columns without missing values share one table of Φ⁻¹((rank + ½)/n): n inverse-CDF calls instead of n per column.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<double[]>> RankScoreCache = new();

    private static double[] RankScores(int n)
    {
        var lazy = RankScoreCache.GetOrAdd(n, count => new Lazy<double[]>(() =>
        {
            var t = new double[count];
            for (int i = 0; i < count; i++) t[i] = StandardNormal.InvCdf((i + 0.5) / count);
            return t;
        }));
        var table = lazy.Value;
        // Keep only the latest few sizes: the cache exists for the columns of one fit.
        if (RankScoreCache.Count > 8) foreach (var key in RankScoreCache.Keys.Where(k => k != n)) RankScoreCache.TryRemove(key, out _);
        return table;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        long n = 0;
        for (int r = 0; r < x.Length; r++)
        {
            double a = x[r], b = y[r];
            if (double.IsNaN(a) || double.IsNaN(b)) continue;
            n++; sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
        }
        if (n < 3) return 0;
        double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        return vx > 0 && vy > 0 ? Math.Clamp(cov / Math.Sqrt(vx * vy), -1, 1) : 0;
    }
}
