using MathNet.Numerics.LinearAlgebra;
using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Samples a <see cref="CopulaState"/>: correlated standard normals, Φ to uniforms, back through each
/// column's marginal. Conditions are exact, not rejection: each condition becomes an interval of the
/// conditioned column's normal score (a category's frequency interval, a numeric range through the
/// marginal's inverse, an exact value a point); the conditioned scores are drawn from the truncated
/// multivariate normal (exactly when one column is an interval, otherwise with a Gibbs sampler), and
/// the other scores from the multivariate normal conditioned on them. Categorical conditions therefore
/// sample the truncated conditional over the category's whole interval, not its midpoint.
/// </summary>
internal static class CopulaSampler
{
    private const int ChunkRows = 8192;
    private const int GibbsSweeps = 25;

    private sealed record ColumnConstraint(ResolvedCondition Condition, List<(double Lo, double Hi)> ScoreIntervals, HashSet<int>? AllowedCategories);

    public static DataFrame Sample(CopulaState state, TableMetadata metadata, ConditionDomain domain, int rows, SampleConditions? conditions, int seed)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        var resolved = ConditionResolver.Resolve(conditions, metadata, domain);
        var constraints = new Dictionary<string, ColumnConstraint>(StringComparer.Ordinal);
        foreach (var condition in resolved)
        {
            var column = state.Columns.First(c => c.Name == condition.Column);
            constraints[condition.Column] = Constrain(column, condition);
        }

        var streams = new RandomStreams(seed);
        var scores = DrawScores(state, constraints, rows, streams.Child("scores"));
        var decoding = streams.Child("decode");
        var output = new DataFrameColumn[state.Columns.Length];
        Parallel.For(0, output.Length, i =>
        {
            var column = state.Columns[i];
            output[i] = Decode(column, column.Dimension >= 0 ? scores[column.Dimension] : null, rows,
                constraints.GetValueOrDefault(column.Name), decoding.Stream(column.Name));
        });
        return new DataFrame(output);
    }

    /// <summary>The condition as intervals of the column's normal score, plus what to enforce on decoding.</summary>
    private static ColumnConstraint Constrain(CopulaColumn column, ResolvedCondition condition)
    {
        var intervals = new List<(double, double)>();
        HashSet<int>? allowed = null;
        if (column.IsCategorical)
        {
            allowed = new HashSet<int>();
            for (int k = 0; k < column.Categories!.Length; k++)
            {
                string key = column.Categories[k];
                if (condition.Kind == ColumnKind.Boolean)
                {
                    if (!ConditionResolver.TryBool(key, out bool b) || !condition.Categories!.Contains(b ? "true" : "false")) continue;
                }
                else if (!condition.Categories!.Contains(key)) continue;
                allowed.Add(k);
            }
            double start = 0;
            for (int k = 0; k < column.Categories.Length; k++)
            {
                double end = k == column.Categories.Length - 1 ? 1 : start + column.Frequencies![k];
                if (allowed.Contains(k)) intervals.Add((ScoreOf(start), ScoreOf(end)));
                start = end;
            }
        }
        else if (column.IsNumeric)
        {
            var q = new QuantileTable(column.Quantiles!);
            double half = column.Step / 2;
            if (condition.IsExactValue && column.Step == 0)
            {
                double u = 0.5 * (q.LowerProbability(condition.Min) + q.UpperProbability(condition.Min));
                double z = ScoreOf(u);
                intervals.Add((z, z));
            }
            else
            {
                double lo = q.LowerProbability(condition.Min - half), hi = q.UpperProbability(condition.Max + half);
                if (hi <= lo) { double mid = ScoreOf(0.5 * (lo + hi)); intervals.Add((mid, mid)); }
                else intervals.Add((ScoreOf(lo), ScoreOf(hi)));
            }
        }
        return new ColumnConstraint(condition, intervals, allowed);
    }

    /// <summary>Φ⁻¹(u) with the ends mapped to ±∞ (and kept finite just inside them).</summary>
    private static double ScoreOf(double u) =>
        u <= 0 ? double.NegativeInfinity : u >= 1 ? double.PositiveInfinity : StandardNormal.InvCdf(Math.Clamp(u, 1e-15, 1 - 1e-15));

    /// <summary>Normal scores, one array per copula dimension; rows are drawn in fixed chunks with their own streams, so the result does not depend on the thread count.</summary>
    private static double[][] DrawScores(CopulaState state, Dictionary<string, ColumnConstraint> constraints, int rows, RandomStreams streams)
    {
        int d = state.Dimensions;
        var z = new double[d][];
        for (int j = 0; j < d; j++) z[j] = new double[rows];
        if (d == 0) return z;
        var sigma = Matrix<double>.Build.DenseOfArray(state.CorrelationMatrix());
        var conditioned = state.Columns.Where(c => c.Dimension >= 0 && constraints.ContainsKey(c.Name))
            .Select(c => (c.Dimension, constraints[c.Name].ScoreIntervals)).OrderBy(t => t.Dimension).ToArray();
        var plan = new ConditionalPlan(sigma, conditioned);
        int chunks = (rows + ChunkRows - 1) / ChunkRows;
        Parallel.For(0, chunks, c =>
        {
            var random = streams.Chunk(c).Stream("scores");
            int start = c * ChunkRows, end = Math.Min(rows, start + ChunkRows);
            plan.Fill(z, start, end, random);
        });
        return z;
    }

    /// <summary>The matrices for sampling free scores given conditioned ones, precomputed once.</summary>
    private sealed class ConditionalPlan
    {
        private readonly int d;
        private readonly int[] cond, free;
        private readonly (double Lo, double Hi)[][] intervals;
        private readonly double[,] freeChol;      // Cholesky of Σ_FF − Σ_FC Σ_CC⁻¹ Σ_CF
        private readonly double[,] regression;    // Σ_FC Σ_CC⁻¹
        private readonly double[,] precision;     // Σ_CC⁻¹, for the Gibbs conditionals
        private readonly bool allPoints;
        private readonly int sweeps;

        public ConditionalPlan(Matrix<double> sigma, (int Dimension, List<(double Lo, double Hi)> Intervals)[] conditioned)
        {
            d = sigma.RowCount;
            cond = conditioned.Select(c => c.Dimension).ToArray();
            free = Enumerable.Range(0, d).Except(cond).ToArray();
            intervals = conditioned.Select(c => c.Intervals.ToArray()).ToArray();
            allPoints = intervals.All(iv => iv.Length == 1 && iv[0].Lo == iv[0].Hi);
            int nonPoints = intervals.Count(iv => !(iv.Length == 1 && iv[0].Lo == iv[0].Hi));
            sweeps = nonPoints <= 1 ? 1 : GibbsSweeps;
            Matrix<double> sff = Sub(sigma, free, free);
            if (cond.Length == 0)
            {
                regression = new double[free.Length, 0];
                precision = new double[0, 0];
                freeChol = Cholesky(sff);
                return;
            }
            var scc = Sub(sigma, cond, cond);
            var sfc = Sub(sigma, free, cond);
            var inv = scc.Inverse();
            precision = inv.ToArray();
            var reg = sfc * inv;
            regression = reg.ToArray();
            freeChol = free.Length == 0 ? new double[0, 0] : Cholesky(sff - reg * sfc.Transpose());
        }

        private static Matrix<double> Sub(Matrix<double> m, int[] rows, int[] cols) =>
            Matrix<double>.Build.Dense(rows.Length, cols.Length, (i, j) => m[rows[i], cols[j]]);

        // The conditional covariance is PD in theory; add a growing ridge if rounding made it borderline.
        private static double[,] Cholesky(Matrix<double> m)
        {
            double ridge = 0;
            for (int attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    var jittered = ridge == 0 ? m : m + Matrix<double>.Build.DenseIdentity(m.RowCount) * ridge;
                    return jittered.Cholesky().Factor.ToArray();
                }
                catch (ArgumentException) { ridge = ridge == 0 ? 1e-12 : ridge * 10; }
            }
            throw new SynthException("The copula's conditional covariance is not positive definite; the conditions are inconsistent with the model.");
        }

        public void Fill(double[][] z, int start, int end, Random random)
        {
            var zc = new double[cond.Length];
            var eps = new double[free.Length];
            for (int r = start; r < end; r++)
            {
                if (cond.Length > 0) DrawConditioned(zc, random);
                for (int k = 0; k < free.Length; k++) eps[k] = Gaussian(random);
                for (int i = 0; i < free.Length; i++)
                {
                    double v = 0;
                    for (int k = 0; k < cond.Length; k++) v += regression[i, k] * zc[k];
                    for (int k = 0; k <= i; k++) v += freeChol[i, k] * eps[k];
                    z[free[i]][r] = v;
                }
                for (int k = 0; k < cond.Length; k++) z[cond[k]][r] = zc[k];
            }
        }

        /// <summary>Draws the conditioned scores from N(0, Σ_CC) truncated to their intervals.</summary>
        private void DrawConditioned(double[] zc, Random random)
        {
            int m = cond.Length;
            if (allPoints)
            {
                for (int k = 0; k < m; k++) zc[k] = intervals[k][0].Lo;
                return;
            }
            // Start from each coordinate's own truncated N(0, 1), then sweep the full conditionals.
            for (int k = 0; k < m; k++) zc[k] = TruncatedNormalSampler.Sample(0, 1, intervals[k], random);
            for (int sweep = 0; sweep < sweeps; sweep++)
                for (int k = 0; k < m; k++)
                {
                    var iv = intervals[k];
                    if (iv.Length == 1 && iv[0].Lo == iv[0].Hi) continue;
                    double pkk = precision[k, k], s = 0;
                    for (int j = 0; j < m; j++) if (j != k) s += precision[k, j] * zc[j];
                    zc[k] = TruncatedNormalSampler.Sample(-s / pkk, 1 / Math.Sqrt(pkk), iv, random);
                }
        }
    }

    /// <summary>Standard normal draw (Marsaglia polar method) from the chunk's own generator.</summary>
    private static double Gaussian(Random random)
    {
        double u, v, s;
        do
        {
            u = 2 * random.NextDouble() - 1;
            v = 2 * random.NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    private static DataFrameColumn Decode(CopulaColumn column, double[]? scores, int rows, ColumnConstraint? constraint, Random random)
    {
        var storage = ColumnStorageExtensions.ParseStorage(column.Storage);
        var missing = new bool[rows];
        if (constraint is null && column.MissingRate > 0)
            for (int r = 0; r < rows; r++) missing[r] = random.NextDouble() < column.MissingRate;

        if (column.Identifier is { } id)
            return IdentifierTransform.FromJson(id).Reverse(ReadOnlySpan<float>.Empty, rows, 0, 0);
        if (column.IsCategorical)
        {
            var index = new int[rows];
            var cumulative = new double[column.Categories!.Length];
            double sum = 0;
            for (int k = 0; k < cumulative.Length; k++) { sum += column.Frequencies![k]; cumulative[k] = sum; }
            cumulative[^1] = double.PositiveInfinity;
            for (int r = 0; r < rows; r++)
            {
                if (scores is null) { index[r] = 0; continue; }
                double u = StandardNormal.Cdf(scores[r]);
                int k = Array.BinarySearch(cumulative, u);
                k = k >= 0 ? Math.Min(k + 1, cumulative.Length - 1) : ~k;
                if (constraint?.AllowedCategories is { } allowed && !allowed.Contains(k)) k = Nearest(allowed, k);
                index[r] = k;
            }
            return CategoricalColumn(column, storage, index, missing);
        }
        if (!column.IsNumeric)
            return storage.Create(column.Name, new object?[rows]); // no observed values: all missing

        var q = new QuantileTable(column.Quantiles!);
        var values = new double[rows];
        var condition = constraint?.Condition;
        for (int r = 0; r < rows; r++)
        {
            double x = scores is null ? q.Min : q.Quantile(StandardNormal.Cdf(scores[r]));
            if (column.Step > 0) x = Math.Round(x / column.Step, MidpointRounding.AwayFromZero) * column.Step;
            x = Math.Clamp(x, q.Min, q.Max);
            if (condition is not null) x = condition.IsExactValue ? condition.Min : Math.Clamp(x, condition.Min, condition.Max);
            values[r] = x;
        }
        return NumericColumn(column, storage, values, missing);
    }

    private static int Nearest(HashSet<int> allowed, int k) => allowed.MinBy(a => Math.Abs(a - k));

    private static DataFrameColumn CategoricalColumn(CopulaColumn column, ColumnStorage storage, int[] index, bool[] missing)
    {
        var codec = ColumnValueCodec.Create(column.Name, storage, column.Kind);
        var keys = column.Categories!;
        var cells = keys.Select(k => codec.FromKey(k)).ToArray();
        if (storage == ColumnStorage.String)
            return new StringDataFrameColumn(column.Name, index.Select((k, r) => missing[r] ? null : keys[k]));
        var values = new object?[index.Length];
        for (int r = 0; r < index.Length; r++) values[r] = missing[r] ? null : cells[index[r]];
        return storage.Create(column.Name, values);
    }

    private static DataFrameColumn NumericColumn(CopulaColumn column, ColumnStorage storage, double[] values, bool[] missing)
    {
        int rows = values.Length;
        if (storage == ColumnStorage.Double) return DoubleColumns.Create(column.Name, values, missing);
        if (storage == ColumnStorage.DateTime)
        {
            var result = new DateTimeDataFrameColumn(column.Name, rows);
            for (int r = 0; r < rows; r++) result[r] = missing[r] ? null : new DateTime((long)values[r], column.DateKind);
            return result;
        }
        var codec = ColumnValueCodec.Create(column.Name, storage, column.Kind);
        var cells = new object?[rows];
        for (int r = 0; r < rows; r++) cells[r] = missing[r] ? null : codec.FromNumber(values[r], column.DateKind);
        return storage.Create(column.Name, cells);
    }

    internal static string Describe(CopulaColumn column) => column.IsNumeric
        ? $"{column.Marginal} [{column.Quantiles![0].ToString("G6", CultureInfo.InvariantCulture)}, {column.Quantiles[^1].ToString("G6", CultureInfo.InvariantCulture)}]"
        : column.IsCategorical ? $"{column.Categories!.Length} categories" : column.Identifier is not null ? "identifier" : "all missing";
}
