namespace SynthCore.Evaluation.Privacy;

/// <summary>
/// Rows of several tables on one common encoding for distances, fitted on the real training rows.
/// The distance is Gower-style (as SDMetrics' DCR metrics use): the mean over columns of a
/// per-column distance in [0, 1]. Numbers (continuous, integer, dates as ticks) are min-max scaled on
/// the real data's range and contribute |a − b| clipped to 1 (synthetic values outside the real range
/// count at most as far as the range itself); categories and booleans contribute 0 if equal and 1
/// otherwise (a mismatch, rather than one-hot Euclidean, so every column weighs the same however many
/// categories it has). Missing against missing is 0, missing against a value is 1.
/// </summary>
internal sealed class MixedDistance
{
    private readonly ColumnValueCodec[] numericCodecs;
    private readonly double[] minimum;
    private readonly double[] range;
    private readonly ColumnValueCodec[] categoricalCodecs;
    private readonly Dictionary<string, int>[] categoryCodes;

    private MixedDistance(string[] numeric, ColumnValueCodec[] numericCodecs, double[] minimum, double[] range, string[] categorical, ColumnValueCodec[] categoricalCodecs)
    {
        NumericColumns = numeric;
        this.numericCodecs = numericCodecs;
        this.minimum = minimum;
        this.range = range;
        CategoricalColumns = categorical;
        this.categoricalCodecs = categoricalCodecs;
        categoryCodes = categorical.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    }

    public IReadOnlyList<string> NumericColumns { get; }
    public IReadOnlyList<string> CategoricalColumns { get; }
    public int ColumnCount => NumericColumns.Count + CategoricalColumns.Count;

    /// <summary>Fits ranges on <paramref name="real"/> for <paramref name="columns"/> (identifiers are never compared).</summary>
    /// <exception cref="SynthColumnException">An identifier column was named, or a column cannot be read as its kind.</exception>
    public static MixedDistance Fit(DataFrame real, TableMetadata metadata, IReadOnlyList<string> columns)
    {
        var numeric = new List<string>();
        var categorical = new List<string>();
        foreach (string name in columns)
        {
            var column = metadata[name];
            if (column.Kind == ColumnKind.Identifier)
                throw new SynthColumnException(name, "is an identifier; identifiers are unique per row and are not compared for privacy.");
            (column.IsNumeric ? numeric : categorical).Add(name);
        }
        var numericCodecs = numeric.Select(n => ColumnValueCodec.CreateChecked(ColumnOf(real, n, "real"), metadata[n].Kind)).ToArray();
        var minimum = new double[numeric.Count];
        var range = new double[numeric.Count];
        for (int k = 0; k < numeric.Count; k++)
        {
            var col = real[numeric[k]];
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (long r = 0; r < col.Length; r++)
            {
                object? cell = col[r];
                if (ColumnStorageExtensions.IsMissing(cell) || !numericCodecs[k].TryToNumber(cell!, out double x)) continue;
                lo = Math.Min(lo, x);
                hi = Math.Max(hi, x);
            }
            minimum[k] = double.IsFinite(lo) ? lo : 0;
            range[k] = double.IsFinite(lo) ? hi - lo : 0;
        }
        var categoricalCodecs = categorical.Select(n => ColumnValueCodec.CreateChecked(ColumnOf(real, n, "real"), metadata[n].Kind)).ToArray();
        return new MixedDistance(numeric.ToArray(), numericCodecs, minimum, range, categorical.ToArray(), categoricalCodecs);
    }

    private static DataFrameColumn ColumnOf(DataFrame table, string name, string which)
    {
        foreach (var c in table.Columns)
            if (c.Name == name) return c;
        throw new SynthColumnException(name, $"is missing from the {which} table.");
    }

    /// <summary>Encodes a table with these columns; categories unseen so far get new codes (they match nothing real).</summary>
    /// <exception cref="SynthColumnException">A column is missing or holds values of the wrong kind.</exception>
    public EncodedRows Encode(DataFrame table, string which)
    {
        int rows = checked((int)table.Rows.Count);
        int nn = NumericColumns.Count, nc = CategoricalColumns.Count;
        var numbers = new double[(long)rows * nn];
        var codes = new int[(long)rows * nc];
        for (int k = 0; k < nn; k++)
        {
            var col = ColumnOf(table, NumericColumns[k], which);
            var codec = numericCodecs[k];
            // A constant real column: any other value is a full mismatch (scale so that it clips to 1).
            double scale = range[k] > 0 ? 1 / range[k] : 1e300;
            for (int r = 0; r < rows; r++)
            {
                object? cell = col[r];
                double value = double.NaN;
                if (!ColumnStorageExtensions.IsMissing(cell))
                {
                    if (!codec.TryToNumber(cell!, out double x))
                        throw new SynthColumnException(NumericColumns[k], $"row {r + 1} of the {which} table has '{ColumnValueCodec.FormatCell(cell!)}', which is not a number.");
                    value = Math.Clamp((x - minimum[k]) * scale, -1e6, 1e6);
                }
                numbers[(long)r * nn + k] = value;
            }
        }
        for (int k = 0; k < nc; k++)
        {
            var col = ColumnOf(table, CategoricalColumns[k], which);
            var dictionary = categoryCodes[k];
            for (int r = 0; r < rows; r++)
            {
                object? cell = col[r];
                int code = -1;
                if (!ColumnStorageExtensions.IsMissing(cell))
                {
                    string key = categoricalCodecs[k].ToKey(cell!);
                    if (!dictionary.TryGetValue(key, out code))
                        dictionary[key] = code = dictionary.Count;
                }
                codes[(long)r * nc + k] = code;
            }
        }
        return new EncodedRows(rows, nn, numbers, nc, codes);
    }
}

/// <summary>Rows on the common encoding: scaled numbers (NaN = missing) and category codes (−1 = missing), row-major.</summary>
internal sealed record EncodedRows(int Rows, int NumericCount, double[] Numbers, int CategoricalCount, int[] Codes)
{
    public int ColumnCount => NumericCount + CategoricalCount;

    /// <summary>Sum of per-column distances between row <paramref name="i"/> here and row <paramref name="j"/> of <paramref name="other"/>, stopping early once it exceeds <paramref name="stopAbove"/>.</summary>
    public double SumDistance(int i, EncodedRows other, int j, double stopAbove)
    {
        double sum = 0;
        var a = Numbers.AsSpan(i * NumericCount, NumericCount);
        var b = other.Numbers.AsSpan(j * NumericCount, NumericCount);
        for (int k = 0; k < a.Length; k++)
        {
            double x = a[k], y = b[k];
            if (double.IsNaN(x) || double.IsNaN(y)) sum += double.IsNaN(x) && double.IsNaN(y) ? 0 : 1;
            else sum += Math.Min(1, Math.Abs(x - y));
        }
        if (sum > stopAbove) return sum;
        var c = Codes.AsSpan(i * CategoricalCount, CategoricalCount);
        var d = other.Codes.AsSpan(j * CategoricalCount, CategoricalCount);
        for (int k = 0; k < c.Length; k++)
            if (c[k] != d[k]) sum += 1;
        return sum;
    }
}
