namespace SynthCore.Data;

/// <summary>
/// Splits a seeded share of a table's rows off as a holdout: real rows a synthesizer never sees. The commands'
/// <c>--holdout-fraction</c> and the library's callers (an ε sweep, a notebook) share this one split.
/// </summary>
public static class HoldoutSplit
{
    /// <param name="option">The option the share came from, named in errors.</param>
    /// <exception cref="SynthOptionException">The share is not between 0 and 1, or leaves no holdout or fewer than 2 training rows.</exception>
    public static (DataFrame Training, DataFrame Holdout) Split(DataFrame table, double share, int seed, string option = "holdout-fraction")
    {
        if (!(share > 0 && share < 1)) throw new SynthOptionException(option, $"must be between 0 and 1 (got {share}).");
        int rows = (int)table.Rows.Count;
        int held = (int)Math.Round(share * rows);
        if (held < 1 || rows - held < 2)
            throw new SynthOptionException(option, $"{share} of {rows} rows leaves no holdout or fewer than 2 training rows.");
        var order = Enumerable.Range(0, rows).ToArray();
        new RandomStreams(seed).Stream("holdout").Shuffle(order);
        DataFrame Rows(IEnumerable<int> picked) => table[new Int32DataFrameColumn("rows", picked.Order().Select(i => (int?)i))];
        return (Rows(order.Skip(held)), Rows(order.Take(held)));
    }
}
