using MathNet.Numerics.Distributions;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A fitted CART synthesis: the first visited column's real values and one tree per later column.
/// Every sampled value starts as a real value of its column (drawn from a leaf's rows), so categories,
/// ranges, integers and missing values are reproduced as they were; with density smoothing (the
/// default) numbers then move by their leaf's kernel bandwidth, so rows are not copies of training rows. A condition on the first
/// visited column is met natively and exactly (its marginal is drawn from the values meeting it,
/// and the trees carry the condition to the later columns); conditions on later columns go to
/// rejection sampling, since restricting a later leaf would leave the earlier columns unaware of the
/// condition. To condition natively on a column, put it first with <c>--option visit-order</c>.
/// </summary>
internal sealed class FittedCart : FittedStatModel<CartOptions>
{
    private readonly int[] order;
    private readonly double[] first;
    private readonly CartTree[] trees;

    /// <summary>
    /// Training rows that must share a number for it to be drawn exactly under smoothing. A value many rows share
    /// (40 hours a week, a capital gain of 0, an age) singles no one out and is often a spike that noise would blur;
    /// a rarer value (a survey weight) is smoothed.
    /// </summary>
    internal const int SharedValueRows = 10;

    /// <summary>Per visited column (by visit position): its numbers shared by at least <see cref="SharedValueRows"/> training rows.</summary>
    private readonly HashSet<double>?[] shared;

    /// <summary>The first visited column's kernel bandwidth over its present values (0 unless numeric); its draws have no leaf.</summary>
    private readonly double firstBandwidth;

    public FittedCart(StatSchema schema, CartOptions options, int[] order, double[] first, CartTree[] trees) : base(schema, options, options.Seed)
    {
        this.order = order;
        this.first = first;
        this.trees = trees;
        shared = new HashSet<double>?[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            if (schema.Columns[order[i]].Role != StatRole.Numeric) continue;
            var values = i == 0 ? first : trees[i].Donors.ToArray();
            shared[i] = values.Where(double.IsFinite).GroupBy(v => v).Where(g => g.Count() >= SharedValueRows).Select(g => g.Key).ToHashSet();
        }
        firstBandwidth = schema.Columns[order[0]].Role == StatRole.Numeric ? CartTree.SilvermanBandwidth(first.Where(double.IsFinite).ToArray()) : 0;
    }

    public override string ModelName => CartSynthesizer.Name;

    /// <summary>Leaves of each column's tree, in visit order (0 for the first column).</summary>
    public IReadOnlyList<int> Leaves => trees.Select(t => t?.Leaves ?? 0).ToArray();

    /// <summary>The trees in visit order (null for the first column, drawn from its marginal).</summary>
    public IReadOnlyList<CartTree?> Trees => trees;

    /// <summary>The visit order, as column names.</summary>
    public IReadOnlyList<string> VisitOrder => order.Select(c => Schema.Columns[c].Name).ToArray();

    protected override double[]?[] Generate(int rows, Random random, EncodedConditions? conditions)
    {
        var output = new double[]?[Schema.Columns.Count];
        foreach (int c in Schema.Modelled) output[c] = new double[rows];
        var onFirst = conditions?.All.FirstOrDefault(c => c.Column == order[0]);
        double[] marginal = first;
        if (onFirst is not null)
        {
            marginal = first.Where(x => onFirst.IsMetBy(x, Schema.Columns[order[0]])).ToArray();
            if (marginal.Length == 0) throw new SynthException($"No training row meets the condition on column '{Schema.Columns[order[0]].Name}'.");
        }
        // Column by column rather than row by row: one tree at a time stays in the processor's cache.
        bool smooth = Options.Smoothing == CartSmoothing.Density;
        var firstColumn = output[order[0]]!;
        var firstSchema = Schema.Columns[order[0]];
        // A condition on the first column is met exactly by its drawn values; noise could step outside it.
        double bandwidth0 = smooth && onFirst is null ? firstBandwidth : 0;
        for (int row = 0; row < rows; row++) firstColumn[row] = Smoothed(marginal[random.Next(marginal.Length)], bandwidth0, firstSchema, shared[0], random);
        for (int i = 1; i < order.Length; i++)
        {
            var tree = trees[i];
            var column = output[order[i]]!;
            var target = Schema.Columns[order[i]];
            bool numeric = smooth && target.Role == StatRole.Numeric;
            for (int row = 0; row < rows; row++)
            {
                double x = tree.Sample(output, row, random, out double bandwidth);
                column[row] = numeric ? Smoothed(x, bandwidth, target, shared[i], random) : x;
            }
        }
        return output;
    }

    /// <summary>
    /// A leaf value plus kernel noise unless many training rows share it, reflected at the column's observed bounds so no mass piles up on them;
    /// decoding then rounds integers and dates to their grain.
    /// </summary>
    private static double Smoothed(double x, double bandwidth, StatColumn column, HashSet<double>? shared, Random random)
    {
        if (bandwidth <= 0 || double.IsNaN(x) || shared is not null && shared.Contains(x)) return x;
        return FittedKde.Reflect(x + Normal.Sample(random, 0, bandwidth), column.Min, column.Max);
    }

    protected override void WriteModel(BinaryWriter writer)
    {
        StatPayload.WriteArray(writer, order.Select(c => (double)c).ToArray());
        StatPayload.WriteArray(writer, first);
        for (int i = 1; i < trees.Length; i++) trees[i].Write(writer);
    }

    public static FittedCart Load(ModelFileContent content) =>
        StatPayload.Load<CartOptions, FittedCart>(content, CartSynthesizer.Name, o => o.Validate(), (options, schema, reader) =>
        {
            var order = StatPayload.ReadArray(reader).Select(x => (int)x).ToArray();
            if (!order.Order().SequenceEqual(schema.Modelled) || options.VisitOrder is not null && !order.SequenceEqual(options.Given(schema)))
                throw new SynthException("The CART model file's visit order does not match its columns and options.");
            var first = StatPayload.ReadArray(reader);
            int Codes(int column) => column >= 0 && column < schema.Columns.Count && Array.IndexOf(order, column) >= 0
                ? schema.Columns[column].Role == StatRole.Categorical ? schema.Columns[column].Categories.Count + 1 : -1
                : throw new SynthException("The CART model file has a split on an unknown column.");
            var trees = new CartTree[order.Length];
            for (int i = 1; i < order.Length; i++)
            {
                trees[i] = CartTree.Read(reader, Codes);
            }
            return new FittedCart(schema, options, order, first, trees);
        });
}
