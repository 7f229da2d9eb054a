namespace SynthCore.Transforms;

/// <summary>
/// A whole table as a row-major float matrix for a network, and back: one column transform per
/// column, chosen by the column's kind. Reverse gives a table with the fitted columns in the fitted
/// order and types: integers rounded, numbers clipped to the observed range (by default), categories
/// always valid, missing indicators as nulls, identifiers regenerated.
/// </summary>
public sealed class TableTransform
{
    private const string Format = "synth-table-transform";
    private const int Version = 1;

    private readonly IColumnTransform[] transforms;
    private readonly int[] starts;

    private TableTransform(TableMetadata metadata, TableTransformOptions options, IColumnTransform[] transforms)
    {
        Metadata = metadata;
        Options = options;
        this.transforms = transforms;
        starts = new int[transforms.Length];
        var spans = new List<OutputSpan>();
        int at = 0;
        for (int i = 0; i < transforms.Length; i++)
        {
            starts[i] = at;
            foreach (var span in transforms[i].Spans) spans.Add(span with { Start = at + span.Start });
            at += transforms[i].Width;
        }
        Width = at;
        Spans = spans;
    }

    /// <summary>Outputs per row.</summary>
    public int Width { get; }

    /// <summary>All outputs, with absolute starts, in column order.</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>How many outputs each modelled column has, in column order (what <see cref="Resources.ResourceGuard.EnsureTrainingFits"/> checks).</summary>
    public IReadOnlyList<(string Column, int Width)> ColumnWidths =>
        Spans.GroupBy(s => s.Column).Select(g => (g.Key, g.Sum(s => s.Width))).ToArray();

    /// <summary>The schema it was fitted on.</summary>
    public TableMetadata Metadata { get; }

    public TableTransformOptions Options { get; }

    /// <summary>The per-column transforms, in column order.</summary>
    public IReadOnlyList<IColumnTransform> Columns => transforms;

    /// <summary>Fits one transform per column of <paramref name="table"/>, as <paramref name="metadata"/> describes them.</summary>
    /// <exception cref="SynthException">The table's columns differ from the metadata, or it has no rows.</exception>
    /// <exception cref="SynthColumnException">A column's values do not fit its kind, or it has only missing values.</exception>
    public static TableTransform Fit(DataFrame table, TableMetadata metadata, TableTransformOptions? options = null)
    {
        options ??= new TableTransformOptions();
        var names = table.Columns.Select(c => c.Name).ToArray();
        if (!names.SequenceEqual(metadata.Columns.Select(c => c.Name)))
            throw new SynthException($"The table's columns [{string.Join(", ", names)}] differ from the metadata's [{string.Join(", ", metadata.Columns.Select(c => c.Name))}].");
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows to fit the transform on.");

        var transforms = metadata.Columns.Select(column => Create(column, options)).ToArray();
        for (int i = 0; i < transforms.Length; i++) transforms[i].Fit(table.Columns[i]);
        return new TableTransform(metadata, options, transforms);
    }

    private static IColumnTransform Create(ColumnMetadata column, TableTransformOptions options) => column.Kind switch
    {
        ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime => options.Numeric switch
        {
            NumericScaling.Standard => new StandardTransform(column.Name, column.Kind, options.ClipToObservedRange),
            _ => new MinMaxTransform(column.Name, column.Kind, options.ClipToObservedRange),
        },
        ColumnKind.Categorical or ColumnKind.Boolean => options.Categorical switch
        {
            CategoricalEncoding.Label => new LabelTransform(column.Name, column.Kind),
            _ => new OneHotTransform(column.Name, column.Kind),
        },
        ColumnKind.Identifier => new IdentifierTransform(column.Name),
        _ => throw new SynthColumnException(column.Name, $"has an unknown kind {column.Kind}."),
    };

    /// <summary>The table as rows × <see cref="Width"/> floats, row-major. Columns are matched by name.</summary>
    /// <exception cref="SynthException">A fitted column is missing or an unfitted one is present.</exception>
    /// <exception cref="SynthColumnException">A column has another type, an unseen category, or a missing value where none were fitted.</exception>
    public float[] Transform(DataFrame table)
    {
        var byName = table.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var transform in transforms)
            if (!byName.ContainsKey(transform.Column))
                throw new SynthException($"The table lacks column '{transform.Column}', which the transform was fitted on.");
        foreach (var name in byName.Keys)
            if (!transforms.Any(t => t.Column == name))
                throw new SynthException($"The table has column '{name}', which the transform was not fitted on (expected: {string.Join(", ", transforms.Select(t => t.Column))}).");

        int rows = checked((int)table.Rows.Count);
        var data = new float[checked(rows * Width)];
        for (int i = 0; i < transforms.Length; i++)
            transforms[i].Transform(byName[transforms[i].Column], data, Width, starts[i]);
        return data;
    }

    /// <summary>Network outputs (rows × <see cref="Width"/>, row-major) back into a table like the fitted one.</summary>
    /// <exception cref="SynthException">The data does not have rows × Width values, or holds NaN or infinity.</exception>
    public DataFrame Reverse(ReadOnlySpan<float> data, int rows)
    {
        if (rows < 0) throw new SynthException($"Cannot make {rows} rows.");
        if (data.Length != (long)rows * Width)
            throw new SynthException($"Expected {rows} rows × {Width} outputs = {(long)rows * Width} values, got {data.Length}.");
        var columns = new DataFrameColumn[transforms.Length];
        for (int i = 0; i < transforms.Length; i++)
            columns[i] = transforms[i].Reverse(data, rows, Width, starts[i]);
        return new DataFrame(columns);
    }

    public JsonObject ToJson() => new()
    {
        ["format"] = Format,
        ["version"] = Version,
        ["options"] = new JsonObject
        {
            ["numeric"] = Options.Numeric == NumericScaling.Standard ? "standard" : "min_max",
            ["categorical"] = Options.Categorical == CategoricalEncoding.Label ? "label" : "one_hot",
            ["clip_to_observed_range"] = Options.ClipToObservedRange,
        },
        ["metadata"] = JsonNode.Parse(Metadata.ToJson()),
        ["columns"] = new JsonArray(transforms.Select(t => (JsonNode?)t.ToJson()).ToArray()),
    };

    /// <exception cref="SynthException">Not a saved table transform, another version, or damaged.</exception>
    public static TableTransform FromJson(JsonObject json)
    {
        if (json["format"]?.GetValue<string>() != Format)
            throw new SynthException("This JSON is not a saved table transform.");
        int version = JsonFields.Get<int>(json, "version");
        if (version != Version)
            throw new SynthException($"The saved table transform has version {version}; this SynthNotebooks reads version {Version}.");

        var optionsJson = JsonFields.Node(json, "options").AsObject();
        var options = new TableTransformOptions
        {
            Numeric = JsonFields.Get<string>(optionsJson, "numeric") switch
            {
                "min_max" => NumericScaling.MinMax,
                "standard" => NumericScaling.Standard,
                var other => throw new SynthException($"The saved table transform has an unknown numeric scaling '{other}'."),
            },
            Categorical = JsonFields.Get<string>(optionsJson, "categorical") switch
            {
                "one_hot" => CategoricalEncoding.OneHot,
                "label" => CategoricalEncoding.Label,
                var other => throw new SynthException($"The saved table transform has an unknown categorical encoding '{other}'."),
            },
            ClipToObservedRange = JsonFields.Get<bool>(optionsJson, "clip_to_observed_range"),
        };
        var metadata = TableMetadata.FromJson(JsonFields.Node(json, "metadata").ToJsonString());
        var transforms = JsonFields.Array(json, "columns")
            .Select(node => ColumnTransformJson.FromJson(node as JsonObject ?? throw new SynthException("The saved table transform has an invalid column entry.")))
            .ToArray();
        if (!transforms.Select(t => t.Column).SequenceEqual(metadata.Columns.Select(c => c.Name)))
            throw new SynthException("The saved table transform's columns do not match its metadata.");
        return new TableTransform(metadata, options, transforms);
    }
}
