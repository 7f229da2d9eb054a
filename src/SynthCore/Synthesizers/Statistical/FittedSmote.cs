using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A fitted SMOTE model: the training rows themselves, which every sample interpolates between.
/// <para>
/// Distance: numeric columns standardised (z-scores); each category mismatch, and each numeric
/// column missing on one side only, adds the squared median of the standardised numeric columns'
/// deviations among the candidate rows (SMOTE-NC's penalty, Chawla et al. 2002). Neighbours are
/// found by exact search (O(rows × columns) per row used, cached for the sample call): mixed
/// numeric/category distances with missing values do not fit a KD-tree's axis-aligned bounds, and
/// exact search needs no index kept in the model file. Fine up to ~10⁵ rows.
/// </para>
/// <para>
/// A sampled row: a random base row, one of its k neighbours at random, λ ~ U(0, 1); numbers are
/// base + λ (neighbour − base) (integers then rounded, so a row lies on the segment up to rounding);
/// categories, and numbers missing at one end, take the neighbour's value with probability λ, else
/// the base's. With a target, rows are split evenly over its classes (rows with no target value
/// are not used) and neighbours come from the same class.
/// Categorical conditions are met natively (only rows meeting them are interpolated between);
/// numeric conditions by rejection.
/// </para>
/// </summary>
internal sealed class FittedSmote : FittedStatModel<SmoteOptions>, IInterpolatingSynthesizer
{
    private readonly double[][] data;
    private readonly object tally = new();
    private long weightedRows;
    private double weightSum;
    private readonly int rowCount;
    private readonly int target = -1;

    public FittedSmote(StatSchema schema, SmoteOptions options, double[][] data) : base(schema, options, options.Seed)
    {
        this.data = data;
        rowCount = data.Length == 0 ? 0 : data[0].Length;
        if (options.Target is not null)
        {
            // Exact name first; otherwise a unique case-insensitive match, so --option target=species finds "Species".
            var matches = schema.Columns.Select((c, i) => (c.Name, i)).Where(p => string.Equals(p.Name, options.Target, StringComparison.OrdinalIgnoreCase)).ToArray();
            target = schema.Columns.Any(c => c.Name == options.Target) || matches.Length != 1 ? schema.IndexOf(options.Target) : matches[0].i;
            if (schema.Columns[target].Role != StatRole.Categorical)
                throw new SynthOptionException("target", $"column '{schema.Columns[target].Name}' is {ColumnValueCodec.KindName(schema.Columns[target].Kind)}; SMOTE balances a categorical or boolean column.");
        }
        foreach (var (label, rows) in Groups(null))
            RequireEnough(label, rows.Length);
    }

    public override string ModelName => SmoteSynthesizer.Name;

    /// <summary>k: every class (or the table) has more than k rows, checked when fitted.</summary>
    public int Neighbours => Options.K;

    public string? Target => target < 0 ? null : Schema.Columns[target].Name;

    public InterpolationWeights Weights
    {
        get { lock (tally) return new InterpolationWeights(weightedRows, weightedRows == 0 ? double.NaN : weightSum / weightedRows); }
    }

    private void RequireEnough(string? label, int rows)
    {
        if (rows > Options.K) return;
        string what = label is null ? "The table has" : $"Class '{label}' of column '{Schema.Columns[target].Name}' has";
        throw new SynthException($"{what} {rows} row{(rows == 1 ? "" : "s")}; SMOTE with k = {Options.K} neighbours needs at least {Options.K + 1}. Lower --option k.");
    }

    /// <summary>The candidate row sets: one (all rows) without a target, one per class with it; only rows meeting categorical conditions.</summary>
    private List<(string? Label, int[] Rows)> Groups(EncodedConditions? conditions)
    {
        var categorical = conditions?.All.Where(c => c.IsCategorical).ToArray() ?? [];
        bool Meets(int r) => categorical.All(c => c.IsMetBy(data[c.Column][r], Schema.Columns[c.Column]));
        if (target < 0) return [(null, Enumerable.Range(0, rowCount).Where(Meets).ToArray())];
        var column = Schema.Columns[target];
        var groups = new List<(string?, int[])>();
        for (int code = 0; code < column.Categories.Count; code++)
        {
            int c = code;
            var rows = Enumerable.Range(0, rowCount).Where(r => data[target][r] == c && Meets(r)).ToArray();
            if (rows.Length > 0 || conditions is null) groups.Add((column.Categories[code], rows));
        }
        return groups;
    }

    protected override double[]?[] Generate(int rows, Random random, EncodedConditions? conditions)
    {
        var groups = Groups(conditions);
        if (groups.Count == 0 || groups.All(g => g.Rows.Length == 0))
            throw new SynthException("No training row meets the categorical conditions, so SMOTE has nothing to interpolate between.");
        foreach (var (label, members) in groups)
            if (members.Length < 2)
                throw new SynthException($"Only {members.Length} training row{(members.Length == 1 ? "" : "s")}{(label is null ? "" : $" of class '{label}'")} meet{(members.Length == 1 ? "s" : "")} the conditions; SMOTE needs two to interpolate between.");

        var output = new double[]?[Schema.Columns.Count];
        foreach (int c in Schema.Modelled) output[c] = new double[rows];
        var searches = groups.Select(g => new NeighbourSearch(Schema, data, g.Rows, Math.Min(Options.K, g.Rows.Length - 1))).ToArray();
        double lambdas = 0;
        for (int r = 0; r < rows; r++)
        {
            var search = searches[r % searches.Length];
            int baseRow = search.Members[random.Next(search.Members.Length)];
            var neighbours = search.Of(baseRow);
            int other = neighbours[random.Next(neighbours.Length)];
            double lambda = random.NextDouble();
            lambdas += lambda;
            foreach (int c in Schema.Modelled)
            {
                double a = data[c][baseRow], b = data[c][other];
                bool numeric = Schema.Columns[c].Role == StatRole.Numeric;
                output[c]![r] = numeric && !double.IsNaN(a) && !double.IsNaN(b)
                    ? a + lambda * (b - a)
                    : random.NextDouble() < lambda ? b : a;
            }
        }
        lock (tally)
        {
            weightedRows += rows;
            weightSum += lambdas;
        }
        return output;
    }

    protected override void WriteModel(BinaryWriter writer) => StatPayload.WriteColumns(writer, data);

    public static FittedSmote Load(ModelFileContent content) =>
        StatPayload.Load<SmoteOptions, FittedSmote>(content, SmoteSynthesizer.Name, o => o.Validate(), (options, schema, reader) =>
            new FittedSmote(schema, options, StatPayload.ReadColumns(reader, schema, "SMOTE")));
}
