using MathNet.Numerics.LinearAlgebra;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A fitted kernel density model.
/// <para>
/// Rows are grouped by their category combination and by which numeric columns are missing. A
/// sampled row copies the categories and missing pattern of a uniformly drawn training row (so
/// combinations follow their empirical frequencies: conditional frequency), and its numbers are
/// that row's numbers plus Gaussian noise: a full-covariance kernel h² Σ, where Σ is the pooled
/// covariance of the group's standardised numeric columns (own variances, own correlations shrunk
/// towards the pooled within-group ones; a one-row group uses the pooled covariance, or the whole
/// table's when groups are too small to estimate it), and h the bandwidth factor for the group's
/// size: tiny groups get wide kernels rather than failing. Full rather than a product
/// kernel: the noise then has the data's own correlation, so correlations are kept (a diagonal
/// kernel would shrink them by 1 / (1 + h²)).
/// </para>
/// <para>
/// Values that leave the observed range are reflected back at the bound (boundary correction
/// without a spike of clipped values at the edges), then clipped and rounded like every model's.
/// Constant columns stay constant. Categorical conditions are met natively (only rows meeting them
/// are drawn); numeric equality conditions natively too, by conditioning each row's Gaussian kernel
/// on the given values (rows weighted by their kernel's density there); ranges by rejection.
/// </para>
/// </summary>
internal sealed class FittedKde : FittedStatModel<KdeOptions>
{
    private readonly double[][] data;
    private readonly int rows;
    /// <summary>Non-constant numeric columns: the kernel's dimensions.</summary>
    private readonly int[] dims;
    private readonly RowGroups groups;
    private readonly Matrix<double> covariance;
    private readonly Matrix<double>?[] groupCovariance;
    private readonly Dictionary<(int Group, string Given), KernelSlice> slices = new();

    private FittedKde(StatSchema schema, KdeOptions options, double[][] data) : base(schema, options, options.Seed)
    {
        this.data = data;
        rows = data[schema.Modelled[0]].Length;
        dims = schema.Numeric.Where(c => !schema.Columns[c].IsConstant).ToArray();
        means = dims.Select(c => schema.Columns[c].Mean).ToArray();
        deviations = dims.Select(c => schema.Columns[c].Deviation).ToArray();
        groups = RowGroups.By(rows, schema.Categorical.Select(c => (Func<int, double>)(r => data[c][r]))
            .Concat(dims.Select(c => (Func<int, double>)(r => double.IsNaN(data[c][r]) ? 1 : 0))));
        covariance = KernelCovariance();
        groupCovariance = new Matrix<double>?[groups.Count];
    }

    public static FittedKde Create(StatSchema schema, KdeOptions options, double[][] data) => new(schema, options, data);

    public override string ModelName => KdeSynthesizer.Name;

    private double Z(int dim, int row) => (data[dims[dim]][row] - means[dim]) / deviations[dim];

    private readonly double[] means;
    private readonly double[] deviations;

    /// <summary>Pooled within-group covariance of the standardised dimensions (groups with every dimension present), or the table's, or per-column variances, or the identity.</summary>
    private Matrix<double> KernelCovariance()
    {
        int d = dims.Length;
        var pooled = Matrix<double>.Build.Dense(d, d);
        if (d == 0) return pooled;
        int df = 0;
        var complete = new List<int>();
        foreach (var members in groups.Members)
        {
            if (dims.Any(c => double.IsNaN(data[c][members[0]]))) continue;
            complete.AddRange(members);
            Accumulate(members, pooled);
            df += members.Length - 1;
        }
        if (df >= d + 1) return Regularised(pooled / df);

        if (complete.Count >= d + 2)
        {
            var global = Matrix<double>.Build.Dense(d, d);
            Accumulate(complete, global);
            return Regularised(global / (complete.Count - 1));
        }
        // Too few complete rows for a covariance: independent columns with their own variances (1 after standardising).
        return Regularised(Matrix<double>.Build.DenseIdentity(d));
    }

    /// <summary>Adds the members' centred cross-products over <paramref name="only"/> (default all dimensions) to <paramref name="sum"/>.</summary>
    private void Accumulate(IReadOnlyList<int> members, Matrix<double> sum, int[]? only = null)
    {
        var use = only ?? Enumerable.Range(0, dims.Length).ToArray();
        int d = dims.Length;
        var mean = new double[d];
        foreach (int r in members) foreach (int i in use) mean[i] += Z(i, r);
        foreach (int i in use) mean[i] /= members.Count;
        var centred = new double[d];
        var block = new double[d, d];
        foreach (int r in members)
        {
            foreach (int i in use) centred[i] = Z(i, r) - mean[i];
            foreach (int i in use)
                foreach (int j in use)
                    if (j <= i) block[i, j] += centred[i] * centred[j];
        }
        foreach (int i in use)
            foreach (int j in use)
                if (j <= i)
                {
                    sum[i, j] += block[i, j];
                    if (i != j) sum[j, i] += block[i, j];
                }
    }

    /// <summary>A tiny ridge keeps the Cholesky factor defined when a column is a combination of others (or constant within groups).</summary>
    private static Matrix<double> Regularised(Matrix<double> m) => m + Matrix<double>.Build.DenseIdentity(m.RowCount) * 1e-9;

    protected override double[]?[] Generate(int count, Random random, EncodedConditions? conditions)
    {
        var categorical = conditions?.All.Where(c => c.IsCategorical).ToArray() ?? [];
        var points = conditions?.All.Where(c => c.IsPoint && Array.IndexOf(dims, c.Column) >= 0).ToArray() ?? [];
        var given = points.Select(p => Array.IndexOf(dims, p.Column)).ToArray();
        var givenZ = points.Select(p => (p.Low - Schema.Columns[p.Column].Mean) / Schema.Columns[p.Column].Deviation).ToArray();
        var byGroup = new KernelSlice?[groups.Count];
        KernelSlice SliceOf(int row) => byGroup[groups.GroupOf[row]] ??= Slice(groups.GroupOf[row], given);

        // Candidate rows and their weights: rows meeting the categorical conditions, weighted by their kernel's density at the given values.
        var candidates = new List<int>();
        var logWeights = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            if (!categorical.All(c => c.IsMetBy(data[c.Column][r], Schema.Columns[c.Column]))) continue;
            if (given.Length == 0) { candidates.Add(r); continue; }
            if (given.Any(g => double.IsNaN(data[dims[g]][r]))) continue;
            var slice = SliceOf(r);
            candidates.Add(r);
            logWeights.Add(slice.LogDensity(givenZ, given.Select(g => Z(g, r)).ToArray()));
        }
        if (candidates.Count == 0)
            throw new SynthException("No training row meets the conditions on categories (and has the conditioned numbers), so the kernel density model cannot sample them.");
        var cumulative = given.Length == 0 ? null : Cumulative(logWeights);

        var output = new double[]?[Schema.Columns.Count];
        foreach (int c in Schema.Modelled) output[c] = new double[count];
        var noise = new double[dims.Length];
        for (int n = 0; n < count; n++)
        {
            int row = cumulative is null ? candidates[random.Next(candidates.Count)] : candidates[Pick(cumulative, random)];
            foreach (int c in Schema.Modelled) output[c]![n] = data[c][row];
            var slice = SliceOf(row);
            if (slice.Free.Length == 0) { WritePoints(output, n, points); continue; }
            for (int i = 0; i < slice.Free.Length; i++) noise[i] = Gaussian(random);
            double[] rowZ = given.Length == 0 ? [] : given.Select(g => Z(g, row)).ToArray();
            int width = slice.Free.Length;
            var lower = slice.Lower;
            for (int i = 0; i < width; i++)
            {
                int dim = slice.Free[i];
                double z = Z(dim, row) + slice.Shift(i, givenZ, rowZ);
                for (int j = 0; j <= i; j++) z += lower[i * width + j] * noise[j];
                var column = Schema.Columns[dims[dim]];
                output[dims[dim]]![n] = Reflect(means[dim] + z * deviations[dim], column.Min, column.Max);
            }
            WritePoints(output, n, points);
        }
        return output;
    }

    private static void WritePoints(double[]?[] output, int n, EncodedCondition[] points)
    {
        foreach (var p in points) output[p.Column]![n] = p.Low;
    }

    /// <summary>Folds a value that left [min, max] back inside, as if mirrored at the bound.</summary>
    internal static double Reflect(double x, double min, double max)
    {
        if (x < min) x = 2 * min - x;
        if (x > max) x = 2 * max - x;
        return Math.Clamp(x, min, max);
    }

    private static double[] Cumulative(List<double> logWeights)
    {
        double top = logWeights.Max();
        var cumulative = new double[logWeights.Count];
        double sum = 0;
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] = sum += Math.Exp(logWeights[i] - top);
        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        double u = random.NextDouble() * cumulative[^1];
        int i = Array.BinarySearch(cumulative, u);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    internal static double Gaussian(Random random)
    {
        // Box–Muller: System.Random has no normal draw, and MathNet's Normal.Sample would need its own generator per call.
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The kernel of a group, conditioned on the given dimensions: cached per group and set of given dimensions.</summary>
    private KernelSlice Slice(int group, int[] given)
    {
        var key = (group, string.Join(",", given));
        lock (slices)
        {
            if (slices.TryGetValue(key, out var cached)) return cached;
        }
        int first = groups.Members[group][0];
        var present = Enumerable.Range(0, dims.Length).Where(i => !double.IsNaN(data[dims[i]][first])).ToArray();
        double h = Options.Factor(groups.Members[group].Length, present.Length);
        var slice = KernelSlice.Create(GroupCovariance(group, present) * (h * h), present.Except(given).ToArray(), given);
        lock (slices) slices[key] = slice;
        return slice;
    }

    /// <summary>
    /// The group's kernel shape: its own variances (groups differ in spread, an app with no
    /// notifications next to one with hundreds, which one pooled kernel would blur), with its own
    /// correlations shrunk towards the pooled ones, ((n−1) R_g + ν R) / (n−1+ν), ν = d + 2, since
    /// correlations need more rows than variances. A single row uses the pooled covariance.
    /// </summary>
    private Matrix<double> GroupCovariance(int group, int[] present)
    {
        if (Volatile.Read(ref groupCovariance[group]) is { } cached) return cached;
        var members = groups.Members[group];
        var result = covariance.Clone();
        if (members.Length >= 2 && present.Length > 0)
        {
            var own = Matrix<double>.Build.Dense(dims.Length, dims.Length);
            Accumulate(members, own, present);
            own /= members.Length - 1;
            double prior = present.Length + 2, weight = (members.Length - 1) / (members.Length - 1 + prior);
            foreach (int i in present)
                foreach (int j in present)
                {
                    double sd = Math.Sqrt(own[i, i] * own[j, j]);
                    if (i == j) result[i, j] = own[i, i] + 1e-9;
                    else
                    {
                        double pooled = covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
                        double mine = sd > 0 ? own[i, j] / sd : 0;
                        result[i, j] = (weight * mine + (1 - weight) * pooled) * sd;
                    }
                }
        }
        return groupCovariance[group] = result;
    }

    protected override void WriteModel(BinaryWriter writer) => StatPayload.WriteColumns(writer, data);

    public static FittedKde Load(ModelFileContent content) =>
        StatPayload.Load<KdeOptions, FittedKde>(content, KdeSynthesizer.Name, o => o.Validate(), (options, schema, reader) =>
            new FittedKde(schema, options, StatPayload.ReadColumns(reader, schema, "KDE")));
}
