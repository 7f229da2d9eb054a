namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// CART synthesis in the style of synthpop (Nowok et al. 2016): columns are synthesized one after
/// another in the visit order, the first from its marginal, each other from a CART fitted on the
/// columns before it, drawing a real value from the leaf a synthetic row falls in; see <see cref="CartTree"/>.
/// Unlike synthpop's defaults, leaves are large (√rows), coarse columns are visited first and numbers are
/// smoothed (<see cref="CartOptions"/>), so that rows are as hard to tell from real ones without being
/// nearer the training rows than unseen rows are.
/// </summary>
public sealed class CartSynthesizer(CartOptions options) : StatSchemaSynthesizer<CartOptions>(options)
{
    public const string Name = "cart";

    public override string ModelName => Name;

    private protected override IFittedSynthesizer Fit(StatSchema schema, double[][] data, int rows, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var order = Options.Order(schema, data);
        int minLeaf = Options.MinLeafFor(rows);
        var clock = Stopwatch.StartNew();

        var binned = new Dictionary<int, BinnedColumn>();
        var trees = new CartTree[order.Length];
        for (int i = 1; i < order.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int predictor = order[i - 1];
            var column = schema.Columns[predictor];
            binned[predictor] = column.Role == StatRole.Categorical
                ? BinnedColumn.Categorical(data[predictor], column.Categories.Count)
                : BinnedColumn.Numeric(data[predictor]);
            var target = schema.Columns[order[i]];
            trees[i] = CartTree.Grow(data, binned, order[..i], order[i], target.Role == StatRole.Categorical ? target.Categories.Count : 0, minLeaf, cancellationToken);
            progress?.Report(new TrainingProgress("fit", i, order.Length - 1,
                new Dictionary<string, double> { ["leaves"] = trees[i].Leaves }, clock.Elapsed, null));
        }
        return new FittedCart(schema, Options, order, data[order[0]], trees);
    }
}
