namespace SynthCore.Evaluation.Privacy;

/// <summary>How well an attacker who holds the synthetic table guesses real rows' sensitive value from their quasi-identifiers.</summary>
/// <param name="QuasiIdentifiers">The columns the attacker knows about each real person.</param>
/// <param name="Sensitive">The column the attacker tries to learn.</param>
/// <param name="NumericBins">Equal-width bins (on the real range) numbers were grouped into before matching; 0 = exact values.</param>
/// <param name="RowsEvaluated">Real rows attacked.</param>
/// <param name="RowsMatched">Real rows whose quasi-identifiers appear in some synthetic row.</param>
/// <param name="CorrectShare">Share of all real rows whose sensitive value the attack guessed right (unmatched rows count as wrong).</param>
/// <param name="CorrectAmongMatched">Share of matched real rows guessed right (NaN when none matched).</param>
/// <param name="BaselineGuess">The majority sensitive value of the synthetic table: the guess without quasi-identifiers.</param>
/// <param name="BaselineShare">Share of real rows whose sensitive value is that majority value.</param>
public sealed record AttributeDisclosureResult(
    IReadOnlyList<string> QuasiIdentifiers,
    string Sensitive,
    int NumericBins,
    int RowsEvaluated,
    int RowsMatched,
    double CorrectShare,
    double CorrectAmongMatched,
    string BaselineGuess,
    double BaselineShare)
{
    /// <summary>How much the quasi-identifiers add over the baseline guess (positive = disclosure beyond the population's majority).</summary>
    public double LiftOverBaseline => CorrectShare - BaselineShare;
}

/// <summary>
/// Attribute disclosure by matching (as in the CAP family of SDMetrics, simplified to a majority vote):
/// for each real row, take the synthetic rows with the same quasi-identifiers and guess their most
/// common sensitive value (ties to the first in ordinal text order). Numbers, among the
/// quasi-identifiers or as the sensitive column, are compared by bin so that continuous values can match.
/// </summary>
public static class AttributeDisclosure
{
    /// <summary>The label used for a missing value.</summary>
    public const string Missing = ColumnValues.MissingLabel;

    /// <exception cref="SynthColumnException">A named column is missing, is an identifier, or the sensitive column is also a quasi-identifier.</exception>
    /// <exception cref="SynthOptionException">No quasi-identifiers or a negative bin count.</exception>
    public static AttributeDisclosureResult Evaluate(DataFrame real, DataFrame synthetic, TableMetadata metadata,
        IReadOnlyList<string> quasiIdentifiers, string sensitive, int numericBins = 10)
    {
        if (quasiIdentifiers.Count == 0) throw new SynthOptionException("quasi", "name at least one quasi-identifier column.");
        if (numericBins < 0) throw new SynthOptionException("bins", $"must be 0 (exact values) or more (got {numericBins}).");
        if (quasiIdentifiers.Contains(sensitive))
            throw new SynthColumnException(sensitive, "is both a quasi-identifier and the sensitive column.");
        var realKeys = new RowKeys(real, synthetic, metadata, quasiIdentifiers.Append(sensitive).ToArray(), numericBins);

        int rows = checked((int)real.Rows.Count), qi = quasiIdentifiers.Count;
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < synthetic.Rows.Count; r++)
        {
            string key = realKeys.Key(synthetic, r, qi);
            string value = realKeys.Label(synthetic, r, qi);
            if (!votes.TryGetValue(key, out var counts)) votes[key] = counts = new(StringComparer.Ordinal);
            counts[value] = counts.GetValueOrDefault(value) + 1;
            overall[value] = overall.GetValueOrDefault(value) + 1;
        }
        if (overall.Count == 0) throw new SynthException("The synthetic table has no rows to attack with.");
        string baseline = Majority(overall);

        int matched = 0, correct = 0, baselineCorrect = 0;
        for (int r = 0; r < rows; r++)
        {
            string truth = realKeys.Label(real, r, qi);
            if (truth == baseline) baselineCorrect++;
            if (!votes.TryGetValue(realKeys.Key(real, r, qi), out var counts)) continue;
            matched++;
            if (Majority(counts) == truth) correct++;
        }
        return new AttributeDisclosureResult(quasiIdentifiers.ToArray(), sensitive, numericBins, rows, matched,
            rows == 0 ? double.NaN : (double)correct / rows,
            matched == 0 ? double.NaN : (double)correct / matched,
            baseline,
            rows == 0 ? double.NaN : (double)baselineCorrect / rows);
    }

    private static string Majority(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Each cell of the chosen columns as a label: categories as their text, numbers as their bin on the real range.</summary>
    private sealed class RowKeys
    {
        private readonly string[] columns;
        private readonly ColumnValueCodec[] codecs;
        private readonly bool[] numeric;
        private readonly double[] minimum;
        private readonly double[] width;
        private readonly int bins;

        public RowKeys(DataFrame real, DataFrame synthetic, TableMetadata metadata, string[] columns, int bins)
        {
            this.columns = columns;
            this.bins = bins;
            codecs = new ColumnValueCodec[columns.Length];
            numeric = new bool[columns.Length];
            minimum = new double[columns.Length];
            width = new double[columns.Length];
            for (int k = 0; k < columns.Length; k++)
            {
                var meta = metadata[columns[k]];
                if (meta.Kind == ColumnKind.Identifier)
                    throw new SynthColumnException(columns[k], "is an identifier; it is unique per row, so matching on it is meaningless.");
                Require(synthetic, columns[k], "synthetic");
                codecs[k] = ColumnValueCodec.CreateChecked(Require(real, columns[k], "real"), meta.Kind);
                numeric[k] = meta.IsNumeric && bins > 0;
                if (!numeric[k]) continue;
                var values = Enumerable.Range(0, (int)real.Rows.Count)
                    .Select(r => real[columns[k]][r])
                    .Where(c => !ColumnStorageExtensions.IsMissing(c) && codecs[k].TryToNumber(c!, out _))
                    .Select(c => { codecs[k].TryToNumber(c!, out double x); return x; }).ToArray();
                minimum[k] = values.Length > 0 ? values.Min() : 0;
                width[k] = values.Length > 0 ? (values.Max() - minimum[k]) / bins : 0;
            }
        }

        private static DataFrameColumn Require(DataFrame table, string name, string which) =>
            table.Columns.FirstOrDefault(c => c.Name == name) ?? throw new SynthColumnException(name, $"is missing from the {which} table.");

        public string Key(DataFrame table, int row, int count) =>
            string.Join("\u001f", Enumerable.Range(0, count).Select(k => Cell(table, row, k)));

        public string Label(DataFrame table, int row, int index) => Cell(table, row, index);

        private string Cell(DataFrame table, int row, int k)
        {
            object? cell = table[columns[k]][row];
            if (ColumnStorageExtensions.IsMissing(cell)) return Missing;
            if (!numeric[k]) return codecs[k].ToKey(cell!);
            if (!codecs[k].TryToNumber(cell!, out double x))
                throw new SynthColumnException(columns[k], $"row {row + 1} has '{ColumnValueCodec.FormatCell(cell!)}', which is not a number.");
            int bin = width[k] > 0 ? (int)Math.Clamp(Math.Floor((x - minimum[k]) / width[k]), 0, bins - 1) : 0;
            return $"bin {bin}";
        }
    }
}
