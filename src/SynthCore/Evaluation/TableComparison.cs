using Pearson = MathNet.Numerics.Statistics.Correlation;

namespace SynthCore.Evaluation;

/// <summary>One numeric column (continuous, integer, or datetime as ticks), real against synthetic.</summary>
/// <param name="SimilarityPercent">See <see cref="MeanSimilarity.Percent"/>; null when the real mean is 0.</param>
/// <param name="Ks">Two-sample Kolmogorov–Smirnov; null when either side has no values.</param>
public sealed record NumericColumnComparison(
    string Column, ColumnKind Kind, NumericSummary Real, NumericSummary Synthetic, double? SimilarityPercent, KsResult? Ks)
{
    /// <summary>KS's p-value threshold of the original toolkit's pass/fail.</summary>
    public const double KsPassLevel = 0.05;

    /// <summary>100 · |mean real − mean synthetic| / |mean real| (not clipped, unlike the similarity); null when the real mean is 0 or missing.</summary>
    public double? MeanAbsolutePercentError => Real.Mean is double r && Synthetic.Mean is double s && r != 0 ? 100 * Math.Abs(r - s) / Math.Abs(r) : null;

    /// <summary>|median real − median synthetic|, in the column's unit (days for dates).</summary>
    public double? MedianAbsoluteError => Real.Median is double r && Synthetic.Median is double s ? Math.Abs(r - s) : null;

    /// <summary>std synthetic / std real: 1 when the spread is kept; null when the real std is 0 or undefined.</summary>
    public double? StdRatio => Real.Std is double r && Synthetic.Std is double s && r > 0 ? s / r : null;

    /// <summary>Whether the two-sample KS test keeps "same distribution" at p &gt; 0.05; null without a test.</summary>
    public bool? KsPasses => Ks is null ? null : Ks.PValue > KsPassLevel;
}

/// <summary>The share of rows with one category (null = missing) in each table.</summary>
public sealed record CategoryFrequency(string? Category, double Real, double Synthetic);

/// <summary>One categorical or boolean column, real against synthetic.</summary>
/// <param name="Frequencies">Every category seen in either table, most frequent in the real table first.</param>
/// <param name="TotalVariationDistance">½ Σ |p_real − p_synthetic|: 0 for identical frequencies, 1 for disjoint categories.</param>
public sealed record CategoricalColumnComparison(string Column, ColumnKind Kind, IReadOnlyList<CategoryFrequency> Frequencies, double TotalVariationDistance);

/// <summary>
/// Pearson correlation matrices of the numeric columns (pairwise complete rows; null where a column
/// is constant), and synthetic − real with its Frobenius norm over the defined entries.
/// </summary>
public sealed record CorrelationComparison(
    IReadOnlyList<string> Columns, double?[][] Real, double?[][] Synthetic, double?[][] Difference, double FrobeniusNorm)
{
    /// <summary>Root mean square of the differences over the pairs of distinct columns where both are defined; null with no such pair.</summary>
    public double? Rmse
    {
        get
        {
            var pairs = Enumerable.Range(0, Columns.Count).SelectMany(i => Enumerable.Range(i + 1, Columns.Count - i - 1).Select(j => Difference[i][j]))
                .OfType<double>().ToArray();
            return pairs.Length == 0 ? null : Math.Sqrt(pairs.Average(d => d * d));
        }
    }
}

/// <summary>
/// The first real-versus-synthetic comparison: per-column summaries and distribution distances,
/// and how far the correlations moved. A plain object: the CLI prints it, formatters render it.
/// </summary>
public sealed record TableComparison(
    int RealRows,
    int SyntheticRows,
    IReadOnlyList<NumericColumnComparison> Numeric,
    IReadOnlyList<CategoricalColumnComparison> Categorical,
    CorrelationComparison Correlation)
{
    /// <summary>Share of the numeric columns whose KS test passes (<see cref="NumericColumnComparison.KsPasses"/>); null when none was tested.</summary>
    public double? KsPassShare => Numeric.Where(c => c.KsPasses is not null).ToArray() is { Length: > 0 } tested
        ? tested.Count(c => c.KsPasses == true) / (double)tested.Length
        : null;

    /// <summary>Compares the columns of <paramref name="metadata"/>; identifier columns are skipped (they are unique by design).</summary>
    /// <exception cref="SynthColumnException">A column of the metadata is missing from either table.</exception>
    /// <exception cref="SynthException">The tables are too large to compare in the free memory (see <see cref="Resources.ResourceGuard"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked per column and per row of the correlation matrix.</exception>
    public static TableComparison Compare(DataFrame real, DataFrame synthetic, TableMetadata metadata, CancellationToken cancellation = default)
    {
        Resources.ResourceGuard.Current.EnsureComparisonFits("Comparing", Math.Max(real.Rows.Count, synthetic.Rows.Count), metadata.Columns.Count);
        var numeric = new List<NumericColumnComparison>();
        var categorical = new List<CategoricalColumnComparison>();
        var numericNames = new List<string>();
        foreach (var column in metadata.Columns)
        {
            cancellation.ThrowIfCancellationRequested();
            if (column.Kind == ColumnKind.Identifier) continue;
            var realColumn = Find(real, column.Name, "real");
            var syntheticColumn = Find(synthetic, column.Name, "synthetic");
            if (column.IsNumeric)
            {
                numericNames.Add(column.Name);
                numeric.Add(CompareNumeric(column, realColumn, syntheticColumn));
            }
            else
            {
                categorical.Add(CompareCategorical(column, realColumn, syntheticColumn));
            }
        }
        return new TableComparison((int)real.Rows.Count, (int)synthetic.Rows.Count, numeric, categorical, CompareCorrelations(real, synthetic, numericNames, cancellation));
    }

    private static DataFrameColumn Find(DataFrame table, string name, string which) =>
        table.Columns.IndexOf(name) is var index and >= 0
            ? table.Columns[index]
            : throw new SynthColumnException(name, $"is missing from the {which} table.");

    private static NumericColumnComparison CompareNumeric(ColumnMetadata column, DataFrameColumn real, DataFrameColumn synthetic)
    {
        var r = ColumnValues.Numbers(real);
        var s = ColumnValues.Numbers(synthetic);
        var realSummary = NumericSummary.Of(r);
        var syntheticSummary = NumericSummary.Of(s);
        return new NumericColumnComparison(
            column.Name, column.Kind, realSummary, syntheticSummary,
            MeanSimilarity.Percent(realSummary.Mean, syntheticSummary.Mean),
            r.Length > 0 && s.Length > 0 ? KolmogorovSmirnov.TwoSample(r, s) : null);
    }

    private static CategoricalColumnComparison CompareCategorical(ColumnMetadata column, DataFrameColumn real, DataFrameColumn synthetic)
    {
        var realShares = Shares(ColumnValues.Labels(real));
        var syntheticShares = Shares(ColumnValues.Labels(synthetic));
        var categories = realShares.Keys.Union(syntheticShares.Keys)
            .OrderByDescending(k => realShares.GetValueOrDefault(k))
            .ThenByDescending(k => syntheticShares.GetValueOrDefault(k))
            .ThenBy(k => k.Label, StringComparer.Ordinal);
        var frequencies = categories
            .Select(k => new CategoryFrequency(k.Label, realShares.GetValueOrDefault(k), syntheticShares.GetValueOrDefault(k)))
            .ToArray();
        double tvd = 0.5 * frequencies.Sum(f => Math.Abs(f.Real - f.Synthetic));
        return new CategoricalColumnComparison(column.Name, column.Kind, frequencies, tvd);
    }

    // Wraps the label so that "missing" (null) can be a dictionary key.
    private readonly record struct Key(string? Label);

    private static Dictionary<Key, double> Shares(string?[] labels)
    {
        var shares = new Dictionary<Key, double>();
        if (labels.Length == 0) return shares;
        foreach (var label in labels)
            shares[new Key(label)] = shares.GetValueOrDefault(new Key(label)) + 1;
        foreach (var key in shares.Keys.ToArray())
            shares[key] /= labels.Length;
        return shares;
    }

    private static CorrelationComparison CompareCorrelations(DataFrame real, DataFrame synthetic, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var realMatrix = PearsonMatrix(real, names, cancellation);
        var syntheticMatrix = PearsonMatrix(synthetic, names, cancellation);
        int n = names.Count;
        var difference = new double?[n][];
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++)
        {
            difference[i] = new double?[n];
            for (int j = 0; j < n; j++)
            {
                if (realMatrix[i][j] is double a && syntheticMatrix[i][j] is double b)
                {
                    difference[i][j] = b - a;
                    sumOfSquares += (b - a) * (b - a);
                }
            }
        }
        return new CorrelationComparison(names.ToArray(), realMatrix, syntheticMatrix, difference, Math.Sqrt(sumOfSquares));
    }

    private static double?[][] PearsonMatrix(DataFrame table, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var columns = names.Select(name => ColumnValues.AlignedNumbers(table.Columns[name])).ToArray();
        int n = names.Count;
        var matrix = new double?[n][];
        for (int i = 0; i < n; i++) matrix[i] = new double?[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                cancellation.ThrowIfCancellationRequested();
                var xs = new List<double>();
                var ys = new List<double>();
                for (int row = 0; row < columns[i].Length; row++)
                {
                    if (columns[i][row] is double x && columns[j][row] is double y)
                    {
                        xs.Add(x);
                        ys.Add(y);
                    }
                }
                double? r = null;
                if (xs.Count >= 2)
                {
                    double value = Pearson.Pearson(xs, ys);
                    if (double.IsFinite(value)) r = Math.Clamp(value, -1, 1);
                }
                matrix[i][j] = r;
                matrix[j][i] = r;
            }
        }
        return matrix;
    }
}
