using MathNet.Numerics.LinearAlgebra;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A fitted Gaussian mixture. Each component is a full-covariance Gaussian over the standardised
/// non-constant numeric columns times independent categorical distributions, one per categorical
/// column and one over the pattern of missing numeric columns: categories are handled by the
/// latent classes (with enough components, BIC-chosen, they capture how categories go with
/// numbers and each other) rather than one-hot dimensions, so they are sampled as categories, not
/// decoded from Gaussian noise. Numbers are clipped to the observed range after reflection at the bounds.
/// <para>
/// Conditions are met natively where exact: categorical conditions and numeric equalities reweight
/// the components by how likely each makes them (π_k P_k(categories) N_k(given values)), then draw
/// categories from the component restricted to the allowed ones and the other numbers from the
/// component's Gaussian conditioned on the given values. Ranges go to rejection sampling.
/// </para>
/// </summary>
internal sealed class FittedGmm : FittedStatModel<GmmOptions>
{
    private readonly int[] dims;
    private readonly IReadOnlyList<int[]> patterns;
    private readonly GaussianMixture mixture;
    private readonly double[][] factors;

    public FittedGmm(StatSchema schema, GmmOptions options, IReadOnlyList<int[]> patterns, GaussianMixture mixture, double[] bics)
        : base(schema, options, options.Seed)
    {
        dims = MixtureLayout.DimensionsOf(schema);
        this.patterns = patterns;
        this.mixture = mixture;
        Bics = bics;
        factors = mixture.Covariances.Select(c => KernelSlice.Create(c, Enumerable.Range(0, dims.Length).ToArray(), []).Lower).ToArray();
    }

    public override string ModelName => GmmSynthesizer.Name;

    /// <summary>The fitted mixture: component weights, means and covariances in standardised units.</summary>
    public GaussianMixture Mixture => mixture;

    /// <summary>BIC of 1, 2, … components, as tried when fitting.</summary>
    public double[] Bics { get; }

    /// <summary>The component means in the columns' own units, one array per component over the Gaussian's columns (<see cref="GaussianColumns"/>).</summary>
    public double[][] MeansInUnits => mixture.Means.Select(m => m.Select((z, i) => Schema.Columns[dims[i]].Mean + z * Schema.Columns[dims[i]].Deviation).ToArray()).ToArray();

    public IReadOnlyList<string> GaussianColumns => dims.Select(c => Schema.Columns[c].Name).ToArray();

    private bool HasPatternVariable => patterns.Count > 1;

    protected override double[]?[] Generate(int rows, Random random, EncodedConditions? conditions)
    {
        int k = mixture.Components;
        int categoricalCount = Schema.Categorical.Length;
        // Allowed codes per discrete variable (null: all).
        var allowed = new bool[]?[categoricalCount + (HasPatternVariable ? 1 : 0)];
        var points = new List<EncodedCondition>();
        foreach (var condition in conditions?.All ?? [])
        {
            if (condition.IsCategorical)
            {
                int v = Array.IndexOf(Schema.Categorical, condition.Column);
                allowed[v] = [.. condition.AllowedCodes!, false];
                continue;
            }
            if (HasPatternVariable)
            {
                var present = patterns.Select(p => !p.Contains(condition.Column)).ToArray();
                allowed[^1] = allowed[^1] is { } before ? before.Zip(present, (a, b) => a && b).ToArray() : present;
            }
            if (condition.IsPoint && Array.IndexOf(dims, condition.Column) >= 0) points.Add(condition);
        }
        var given = points.Select(p => Array.IndexOf(dims, p.Column)).ToArray();
        var givenZ = points.Select(p => (p.Low - Schema.Columns[p.Column].Mean) / Schema.Columns[p.Column].Deviation).ToArray();
        var free = Enumerable.Range(0, dims.Length).Except(given).ToArray();
        var slices = given.Length == 0 ? null : mixture.Covariances.Select(c => KernelSlice.Create(c, free, given)).ToArray();

        // Component weights given the conditions.
        var logWeights = new double[k];
        for (int c = 0; c < k; c++)
        {
            double log = Math.Log(mixture.Weights[c]);
            for (int v = 0; v < allowed.Length; v++)
                if (allowed[v] is { } codes)
                    log += Math.Log(mixture.Probabilities[c][v].Where((_, code) => codes[code]).Sum());
            if (slices is not null) log += slices[c].LogDensity(givenZ, given.Select(g => mixture.Means[c][g]).ToArray());
            logWeights[c] = log;
        }
        double top = logWeights.Max();
        if (double.IsNegativeInfinity(top)) throw new SynthException("No component of the mixture can produce rows meeting these conditions.");
        var cumulative = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) cumulative[c] = sum += Math.Exp(logWeights[c] - top);

        var output = new double[]?[Schema.Columns.Count];
        foreach (int c in Schema.Modelled) output[c] = new double[rows];
        var noise = new double[dims.Length];
        var centre = new double[given.Length];
        for (int r = 0; r < rows; r++)
        {
            int component = Pick(cumulative, random);
            var probabilities = mixture.Probabilities[component];
            for (int v = 0; v < categoricalCount; v++)
            {
                int code = Draw(probabilities[v], allowed[v], random);
                output[Schema.Categorical[v]]![r] = code == Schema.Columns[Schema.Categorical[v]].Categories.Count ? double.NaN : code;
            }
            var missing = HasPatternVariable ? patterns[Draw(probabilities[^1], allowed[^1], random)] : patterns[0];

            var mean = mixture.Means[component];
            if (slices is null)
            {
                var factor = factors[component];
                for (int i = 0; i < dims.Length; i++) noise[i] = FittedKde.Gaussian(random);
                for (int i = 0; i < dims.Length; i++)
                {
                    double z = mean[i];
                    for (int j = 0; j <= i; j++) z += factor[i * dims.Length + j] * noise[j];
                    Write(output, dims[i], r, z);
                }
            }
            else
            {
                var slice = slices[component];
                for (int i = 0; i < given.Length; i++) centre[i] = mean[given[i]];
                for (int i = 0; i < free.Length; i++) noise[i] = FittedKde.Gaussian(random);
                for (int i = 0; i < free.Length; i++)
                {
                    double z = mean[free[i]] + slice.Shift(i, givenZ, centre);
                    for (int j = 0; j <= i; j++) z += slice.Lower[i * free.Length + j] * noise[j];
                    Write(output, dims[free[i]], r, z);
                }
                foreach (var p in points) output[p.Column]![r] = p.Low;
            }
            foreach (int c in Schema.Numeric)
                if (Schema.Columns[c].IsConstant) output[c]![r] = Schema.Columns[c].Min;
            foreach (int c in missing) output[c]![r] = double.NaN;
        }
        return output;
    }

    private void Write(double[]?[] output, int column, int row, double z)
    {
        var info = Schema.Columns[column];
        output[column]![row] = FittedKde.Reflect(info.Mean + z * info.Deviation, info.Min, info.Max);
    }

    private static int Pick(double[] cumulative, Random random)
    {
        double u = random.NextDouble() * cumulative[^1];
        for (int i = 0; i < cumulative.Length; i++) if (u < cumulative[i]) return i;
        return cumulative.Length - 1;
    }

    private static int Draw(double[] probabilities, bool[]? allowed, Random random)
    {
        double total = 0;
        for (int i = 0; i < probabilities.Length; i++) if (allowed is null || allowed[i]) total += probabilities[i];
        double u = random.NextDouble() * total;
        int last = -1;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (allowed is not null && !allowed[i]) continue;
            last = i;
            u -= probabilities[i];
            if (u < 0) return i;
        }
        return last;
    }

    protected override void WriteModel(BinaryWriter writer)
    {
        writer.Write(patterns.Count);
        foreach (var p in patterns) StatPayload.WriteArray(writer, p.Select(c => (double)c).ToArray());
        StatPayload.WriteArray(writer, Bics);
        writer.Write(mixture.Components);
        for (int c = 0; c < mixture.Components; c++)
        {
            writer.Write(mixture.Weights[c]);
            StatPayload.WriteArray(writer, mixture.Means[c]);
            StatPayload.WriteArray(writer, mixture.Covariances[c].ToRowMajorArray());
            writer.Write(mixture.Probabilities[c].Length);
            foreach (var p in mixture.Probabilities[c]) StatPayload.WriteArray(writer, p);
        }
    }

    public static FittedGmm Load(ModelFileContent content) =>
        StatPayload.Load<GmmOptions, FittedGmm>(content, GmmSynthesizer.Name, o => o.Validate(), (options, schema, reader) =>
        {
            int d = MixtureLayout.DimensionsOf(schema).Length;
            int patternCount = reader.ReadInt32();
            if (patternCount < 1 || patternCount > 1 << 20) throw new SynthException("The GMM model file has an impossible number of missing patterns.");
            var patterns = new int[patternCount][];
            for (int p = 0; p < patternCount; p++)
            {
                patterns[p] = StatPayload.ReadArray(reader).Select(x => (int)x).ToArray();
                if (patterns[p].Any(c => !schema.Numeric.Contains(c))) throw new SynthException("The GMM model file's missing patterns name non-numeric columns.");
            }
            var bics = StatPayload.ReadArray(reader);
            int k = reader.ReadInt32();
            if (k < 1 || k > 10_000) throw new SynthException("The GMM model file has an impossible number of components.");
            var levels = schema.Categorical.Select(c => schema.Columns[c].Categories.Count + 1).Concat(patternCount > 1 ? [patternCount] : []).ToArray();
            var weights = new double[k];
            var means = new double[k][];
            var covariances = new Matrix<double>[k];
            var probabilities = new double[k][][];
            for (int c = 0; c < k; c++)
            {
                weights[c] = reader.ReadDouble();
                means[c] = StatPayload.ReadArray(reader);
                var cov = StatPayload.ReadArray(reader);
                if (means[c].Length != d || cov.Length != d * d) throw new SynthException("The GMM model file's components do not match its columns.");
                covariances[c] = Matrix<double>.Build.DenseOfRowMajor(d, d, cov);
                int variables = reader.ReadInt32();
                if (variables != levels.Length) throw new SynthException("The GMM model file's categorical tables do not match its columns.");
                probabilities[c] = new double[variables][];
                for (int v = 0; v < variables; v++)
                {
                    probabilities[c][v] = StatPayload.ReadArray(reader);
                    if (probabilities[c][v].Length != levels[v]) throw new SynthException("The GMM model file's categorical tables do not match its columns.");
                }
            }
            if (weights.Any(w => !(w > 0)) || means.Any(m => m.Any(x => !double.IsFinite(x))))
                throw new SynthException("The GMM model file holds invalid component weights or means.");
            return new FittedGmm(schema, options, patterns, new GaussianMixture(weights, means, covariances, probabilities), bics);
        });
}
