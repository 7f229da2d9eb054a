namespace SynthCore.Data.Sequences;

/// <summary>Sequences as a long table: one row per step, columns <c>sequence_id</c>, <c>step</c>, then the features.</summary>
public static class SequenceTable
{
    public const string SequenceIdColumn = "sequence_id";
    public const string StepColumn = "step";

    /// <summary>The long table of <paramref name="sequences"/> ([sequence][step][feature]); ids and steps start at 0.</summary>
    public static DataFrame ToLong(double[][][] sequences, IReadOnlyList<string> featureNames) => ToLong(sequences, featureNames, null, null);

    /// <summary>
    /// The long table of <paramref name="sequences"/> with each sequence's static values (<paramref name="staticValues"/>,
    /// one array per sequence, as <see cref="StaticFeatures.Decode"/> gives them) repeated on every step, after the features.
    /// </summary>
    public static DataFrame ToLong(double[][][] sequences, IReadOnlyList<string> featureNames, StaticFeatures? staticFeatures, IReadOnlyList<object[]>? staticValues)
    {
        var table = Plain(sequences, featureNames);
        if (staticFeatures is null || staticValues is null) return table;
        int rows = checked((int)table.Rows.Count);
        for (int c = 0; c < staticFeatures.Columns.Count; c++)
        {
            var column = staticFeatures.Columns[c];
            // A boolean goes out as a boolean column, so the export spells it as it was read (yes/no).
            bool boolean = column.Kind == ColumnKind.Boolean;
            DataFrameColumn added = boolean ? new BooleanDataFrameColumn(column.Name, rows)
                : column.IsCategorical ? new StringDataFrameColumn(column.Name, rows) : new DoubleDataFrameColumn(column.Name, rows);
            int row = 0;
            for (int s = 0; s < sequences.Length; s++)
            {
                object value = boolean ? bool.Parse((string)staticValues[s][c]) : staticValues[s][c];
                for (int t = 0; t < sequences[s].Length; t++, row++) added[row] = value;
            }
            table.Columns.Add(added);
        }
        return table;
    }

    private static DataFrame Plain(double[][][] sequences, IReadOnlyList<string> featureNames)
    {
        int rows = sequences.Sum(s => s.Length);
        var id = new Int32DataFrameColumn(SequenceIdColumn, rows);
        var step = new Int32DataFrameColumn(StepColumn, rows);
        var features = featureNames.Select(n => new DoubleDataFrameColumn(n, rows)).ToArray();
        int row = 0;
        for (int s = 0; s < sequences.Length; s++)
            for (int t = 0; t < sequences[s].Length; t++, row++)
            {
                id[row] = s;
                step[row] = t;
                for (int f = 0; f < features.Length; f++) features[f][row] = sequences[s][t][f];
            }
        return new DataFrame(new DataFrameColumn[] { id, step }.Concat(features));
    }

    /// <summary>Whether <paramref name="table"/> is in the long format: it has <c>sequence_id</c> and <c>step</c> columns.</summary>
    public static bool IsLong(DataFrame table) =>
        table.Columns.Any(c => c.Name == SequenceIdColumn) && table.Columns.Any(c => c.Name == StepColumn);

    /// <summary>
    /// Reads a long table back into sequences ([sequence][step][feature]), sequences in order of first appearance,
    /// steps ordered by <c>step</c>. <paramref name="features"/> picks feature columns (default: every numeric column but the id and step).
    /// </summary>
    /// <exception cref="SynthColumnException">No id or step column, a feature that is not a finite number, a repeated step.</exception>
    /// <exception cref="SynthException">The sequences differ in length.</exception>
    public static (double[][][] Sequences, IReadOnlyList<string> Features) FromLong(DataFrame table, IReadOnlyList<string>? features = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var names = table.Columns.Select(c => c.Name).ToArray();
        foreach (var required in new[] { SequenceIdColumn, StepColumn })
            if (!names.Contains(required, StringComparer.Ordinal))
                throw new SynthColumnException(required, $"is missing: a sequence table has '{SequenceIdColumn}', '{StepColumn}', then the features.");
        // By default the numeric columns are the series: text and yes/no columns beside them are per-sequence
        // static values (TimeGAN's static features), not series to score or plot.
        var chosen = features?.ToArray() ?? table.Columns
            .Where(c => c.Name is not (SequenceIdColumn or StepColumn) && c is not (StringDataFrameColumn or BooleanDataFrameColumn or DateTimeDataFrameColumn))
            .Select(c => c.Name).ToArray();
        if (chosen.Length == 0) throw new SynthException("The sequence table has no numeric feature columns besides sequence_id and step.");
        foreach (var name in chosen)
            if (!names.Contains(name, StringComparer.Ordinal))
                throw new SynthColumnException(name, $"is not a column of the sequence table (it has: {string.Join(", ", names)}).");

        int rows = checked((int)table.Rows.Count);
        var ids = table.Columns[SequenceIdColumn];
        var steps = table.Columns[StepColumn];
        var values = chosen.Select(n => table.Columns[n]).ToArray();
        var groups = new Dictionary<string, List<(double Step, double[] Values)>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int r = 0; r < rows; r++)
        {
            string id = Convert.ToString(ids[r] ?? throw new SynthColumnException(SequenceIdColumn, $"row {r + 1} has no sequence id."), CultureInfo.InvariantCulture)!;
            double step = Number(steps[r], StepColumn, r);
            var row = new double[values.Length];
            for (int f = 0; f < values.Length; f++) row[f] = Number(values[f][r], chosen[f], r);
            if (!groups.TryGetValue(id, out var list)) groups[id] = list = [];
            if (list.Count == 0) order.Add(id);
            list.Add((step, row));
        }
        var sequences = order.Select(id =>
        {
            var sorted = groups[id].OrderBy(s => s.Step).ToArray();
            for (int i = 1; i < sorted.Length; i++)
                if (sorted[i].Step == sorted[i - 1].Step)
                    throw new SynthColumnException(StepColumn, $"sequence '{id}' has step {sorted[i].Step.ToString(CultureInfo.InvariantCulture)} more than once.");
            return sorted.Select(s => s.Values).ToArray();
        }).ToArray();
        if (sequences.Length == 0) throw new SynthException("The sequence table has no rows.");
        if (sequences.Any(s => s.Length != sequences[0].Length))
            throw new SynthException($"The sequences differ in length ({sequences.Min(s => s.Length)} to {sequences.Max(s => s.Length)} steps).");
        return (sequences, chosen);
    }

    private static double Number(object? value, string column, int row) => value switch
    {
        IConvertible c and not string when c.ToDouble(CultureInfo.InvariantCulture) is var x && double.IsFinite(x) => x,
        _ => throw new SynthColumnException(column, $"row {row + 1} holds '{value}', not a finite number."),
    };

    /// <summary>The schema of the long table.</summary>
    public static TableMetadata Metadata(IReadOnlyList<string> featureNames, int sequences, int length, StaticFeatures? staticFeatures = null)
    {
        int rows = sequences * length;
        return new TableMetadata(new[]
        {
            new ColumnMetadata(SequenceIdColumn, ColumnKind.Integer, 0, rows, sequences),
            new ColumnMetadata(StepColumn, ColumnKind.Integer, 0, rows, length),
        }.Concat(featureNames.Select(n => new ColumnMetadata(n, ColumnKind.Continuous, 0, rows, rows)))
         .Concat((staticFeatures?.Columns ?? []).Select(c => c.IsCategorical
             ? new ColumnMetadata(c.Name, c.Kind == ColumnKind.Boolean ? ColumnKind.Boolean : ColumnKind.Categorical, 0, rows, c.Categories.Count,
                 Spelling: c.Kind == ColumnKind.Boolean ? c.Spelling : null)
             : new ColumnMetadata(c.Name, c.Kind, 0, rows, sequences))));
    }
}
