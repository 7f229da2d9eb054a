namespace SynthCore.Data.Sequences;

/// <summary>
/// One static column: numeric (min-max scaled to one value) or categorical (one-hot over its categories); a boolean keeps
/// the spelling it was read in (<paramref name="Spelling"/>, e.g. yes/no) for export.
/// </summary>
public sealed record StaticColumn(string Name, ColumnKind Kind, double Min, double Max, IReadOnlyList<string> Categories, BooleanSpelling? Spelling = null)
{
    /// <summary>Whether the column is one-hot encoded (categorical or boolean) rather than scaled.</summary>
    public bool IsCategorical => Kind is ColumnKind.Categorical or ColumnKind.Boolean;

    /// <summary>Values the column takes in the encoded vector: 1 for a number, one per category.</summary>
    public int Width => IsCategorical ? Categories.Count : 1;
}

/// <summary>
/// Per-entity attributes that do not change over time (a patient's sex or age group beside their vitals), as TimeGAN
/// models them next to the sequential features: one value per entity of the id column, checked constant within it,
/// encoded as one vector in [0, 1] per entity (categorical columns one-hot, numeric ones min-max scaled) and decoded back.
/// </summary>
public sealed class StaticFeatures
{
    public StaticFeatures(IReadOnlyList<StaticColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new SynthOptionException("static", "names no columns.");
        Columns = columns;
    }

    public IReadOnlyList<StaticColumn> Columns { get; }

    /// <summary>Length of the encoded vector.</summary>
    public int Width => Columns.Sum(c => c.Width);

    /// <summary>
    /// Reads <paramref name="columns"/> from <paramref name="table"/>, one value per entity of <paramref name="idColumn"/>
    /// (ids as text, invariant culture, as <see cref="SequenceData.SeriesKeys"/> has them). Values are <see cref="double"/>
    /// for numeric columns and <see cref="string"/> for categorical ones.
    /// </summary>
    /// <exception cref="SynthOptionException">No id column, no static column, or a column named twice.</exception>
    /// <exception cref="SynthColumnException">A static column that is also the id column, is neither numeric nor categorical,
    /// has missing values, or varies within an entity (the message names the entity and two of its values).</exception>
    public static (StaticFeatures Encoding, IReadOnlyDictionary<string, object[]> Values) Read(
        DataFrame table, TableMetadata metadata, string? idColumn, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new SynthOptionException("static", "names no columns.");
        if (idColumn is null)
            throw new SynthOptionException("static", "needs an id column (--option id-column=...): static values belong to each entity's series.");
        _ = metadata[idColumn];
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SynthOptionException("static", $"names '{duplicate.Key}' more than once.");

        int rows = checked((int)table.Rows.Count);
        var keys = SequenceData.Keys(table.Columns[idColumn], idColumn);

        var order = new List<string>();
        var values = new Dictionary<string, object[]>(StringComparer.Ordinal);
        for (int r = 0; r < rows; r++)
            if (!values.ContainsKey(keys[r]))
            {
                values[keys[r]] = new object[columns.Count];
                order.Add(keys[r]);
            }
        var index = order.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);

        var encoded = new StaticColumn[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            string name = columns[c];
            var meta = metadata[name];
            if (name == idColumn) throw new SynthColumnException(name, "is the id column and cannot also be a static feature.");
            bool categorical = meta.Kind is ColumnKind.Categorical or ColumnKind.Boolean;
            if (!categorical && meta.Kind is not (ColumnKind.Continuous or ColumnKind.Integer))
                throw new SynthColumnException(name,
                    $"is {meta.Kind.ToString().ToLowerInvariant()}, but a static feature must be numeric or categorical (--categorical {name} to treat it as categories).");
            var column = table.Columns[name];
            var seen = new bool[order.Count];
            for (int r = 0; r < rows; r++)
            {
                object raw = column[r] ?? throw new SynthColumnException(name, $"row {r + 1} (entity '{keys[r]}') has no value; static features need one value per entity.");
                object value = categorical ? Text(raw) : Number(raw, name, r);
                int e = index[keys[r]];
                if (!seen[e])
                {
                    seen[e] = true;
                    values[keys[r]][c] = value;
                }
                else if (!Equals(values[keys[r]][c], value))
                    throw new SynthColumnException(name,
                        $"varies within entity '{keys[r]}' of '{idColumn}' ({Show(values[keys[r]][c])} and {Show(value)}); a static feature must hold one value per entity.");
            }
            if (categorical)
            {
                var categories = order.Select(k => (string)values[k][c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                encoded[c] = new StaticColumn(name, meta.Kind, 0, 0, categories, meta.Kind == ColumnKind.Boolean ? meta.Spelling : null);
            }
            else
            {
                var numbers = order.Select(k => (double)values[k][c]).ToArray();
                encoded[c] = new StaticColumn(name, meta.Kind, numbers.Min(), numbers.Max(), []);
            }
        }
        return (new StaticFeatures(encoded), values);
    }

    /// <summary>One entity's values (as <see cref="Read"/> gives them) as a vector in [0, 1].</summary>
    public float[] Encode(IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Columns.Count) throw new ArgumentException($"Expected {Columns.Count} static values, got {values.Count}.", nameof(values));
        var result = new float[Width];
        int at = 0;
        for (int c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (column.IsCategorical)
            {
                string text = values[c] as string ?? Text(values[c]);
                int k = IndexOf(column.Categories, text);
                if (k < 0) throw new SynthColumnException(column.Name, $"holds '{text}', which is not one of its categories ({string.Join(", ", column.Categories)}).");
                result[at + k] = 1;
            }
            else
            {
                double x = Convert.ToDouble(values[c], CultureInfo.InvariantCulture);
                result[at] = column.Max > column.Min ? (float)((x - column.Min) / (column.Max - column.Min)) : 0f;
            }
            at += column.Width;
        }
        return result;
    }

    /// <summary>
    /// A generated vector back to values: the most likely category of each categorical column (its category text) and each
    /// numeric column unscaled and clipped to the observed range (<see cref="double"/>; integer columns rounded).
    /// </summary>
    public object[] Decode(ReadOnlySpan<float> code)
    {
        if (code.Length != Width) throw new ArgumentException($"Expected a vector of {Width} values, got {code.Length}.", nameof(code));
        var result = new object[Columns.Count];
        int at = 0;
        for (int c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (column.IsCategorical)
            {
                int best = 0;
                for (int k = 1; k < column.Width; k++)
                    if (code[at + k] > code[at + best]) best = k;
                result[c] = column.Categories[best];
            }
            else
            {
                double x = column.Min + Math.Clamp(code[at], 0f, 1f) * (column.Max - column.Min);
                result[c] = column.Kind == ColumnKind.Integer ? Math.Round(x) : x;
            }
            at += column.Width;
        }
        return result;
    }

    private static int IndexOf(IReadOnlyList<string> categories, string text)
    {
        for (int i = 0; i < categories.Count; i++)
            if (string.Equals(categories[i], text, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static double Number(object value, string column, int row) => value switch
    {
        IConvertible c and not string when c.ToDouble(CultureInfo.InvariantCulture) is var x && double.IsFinite(x) => x,
        _ => throw new SynthColumnException(column, $"row {row + 1} holds '{value}', not a finite number."),
    };

    private static string Show(object value) => value switch
    {
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };
}
