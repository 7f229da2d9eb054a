using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// The columns of a table as the statistical models hold them, and the way back: <see cref="Encode"/>
/// turns a table into one double array per column (numbers in their own units, category codes, NaN for
/// missing), <see cref="Decode"/> turns such arrays into a table of the fitted types, with numbers
/// clipped to the observed range, integers rounded, dates rounded to their unit, identifiers regenerated.
/// Hand-written rather than <see cref="TableTransform"/> because that one works in single precision,
/// which would change the real values CART and SMOTE copy.
/// </summary>
internal sealed class StatSchema
{
    private const int Version = 1;

    public StatSchema(TableMetadata metadata, IReadOnlyList<StatColumn> columns)
    {
        Metadata = metadata;
        Columns = columns;
        Modelled = Enumerable.Range(0, columns.Count).Where(i => columns[i].Role != StatRole.Identifier).ToArray();
        Numeric = Enumerable.Range(0, columns.Count).Where(i => columns[i].Role == StatRole.Numeric).ToArray();
        Categorical = Enumerable.Range(0, columns.Count).Where(i => columns[i].Role == StatRole.Categorical).ToArray();
    }

    public TableMetadata Metadata { get; }
    public IReadOnlyList<StatColumn> Columns { get; }
    /// <summary>Indexes of the columns models learn (all but identifiers).</summary>
    public int[] Modelled { get; }
    public int[] Numeric { get; }
    public int[] Categorical { get; }

    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i].Name == column) return i;
        throw new SynthColumnException(column, $"no such column (the table has: {string.Join(", ", Columns.Select(c => c.Name))}).");
    }

    /// <summary>Learns each column's range, categories and grain, and returns the table encoded.</summary>
    /// <exception cref="SynthException">The table's columns differ from the metadata, or it has no rows.</exception>
    /// <exception cref="SynthColumnException">A value does not fit its column's kind, or a column has only missing values.</exception>
    public static (StatSchema Schema, double[][] Data) Fit(DataFrame table, TableMetadata metadata)
    {
        var names = table.Columns.Select(c => c.Name).ToArray();
        if (!names.SequenceEqual(metadata.Columns.Select(c => c.Name)))
            throw new SynthException($"The table's columns [{string.Join(", ", names)}] differ from the metadata's [{string.Join(", ", metadata.Columns.Select(c => c.Name))}].");
        if (table.Rows.Count == 0) throw new SynthException("The table has no rows to fit.");

        int rows = checked((int)table.Rows.Count);
        var columns = new StatColumn[names.Length];
        var data = new double[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            var source = table.Columns[i];
            var kind = metadata.Columns[i].Kind;
            var codec = ColumnValueCodec.CreateChecked(source, kind);
            var values = new double[rows];
            int missing = 0;
            if (kind == ColumnKind.Identifier)
            {
                var identifier = new IdentifierTransform(source.Name);
                identifier.Fit(source);
                columns[i] = new StatColumn { Name = source.Name, Kind = kind, Storage = codec.Storage, Identifier = identifier };
                Array.Fill(values, double.NaN);
                data[i] = values;
                continue;
            }
            if (kind is ColumnKind.Categorical or ColumnKind.Boolean)
            {
                var keys = new Dictionary<string, object>(StringComparer.Ordinal);
                for (int r = 0; r < rows; r++)
                    if (source[r] is { } cell && !ColumnStorageExtensions.IsMissing(cell)) keys.TryAdd(codec.ToKey(cell), cell);
                if (keys.Count == 0) throw new SynthColumnException(source.Name, "has only missing values; drop it or fill it in.");
                var categories = keys.OrderBy(kv => kv.Value, Comparer<object>.Create(codec.Compare)).Select(kv => kv.Key).ToArray();
                var codes = categories.Select((key, c) => (key, c)).ToDictionary(p => p.key, p => p.c, StringComparer.Ordinal);
                for (int r = 0; r < rows; r++)
                {
                    object? cell = source[r];
                    if (ColumnStorageExtensions.IsMissing(cell)) { values[r] = double.NaN; missing++; }
                    else values[r] = codes[codec.ToKey(cell!)];
                }
                columns[i] = new StatColumn { Name = source.Name, Kind = kind, Storage = codec.Storage, Categories = categories, MissingFraction = (double)missing / rows };
                data[i] = values;
                continue;
            }

            DateTimeKind dateKind = DateTimeKind.Unspecified;
            bool first = true;
            for (int r = 0; r < rows; r++)
            {
                object? cell = source[r];
                if (ColumnStorageExtensions.IsMissing(cell)) { values[r] = double.NaN; missing++; continue; }
                codec.TryToNumber(cell!, out values[r]);
                if (first && cell is DateTime d) dateKind = d.Kind;
                first = false;
            }
            if (missing == rows) throw new SynthColumnException(source.Name, "has only missing values; drop it or fill it in.");
            var observed = values.Where(double.IsFinite).ToArray();
            double mean = observed.Average();
            // Centre before squaring: dates as ticks (~6e17) would lose all precision otherwise.
            double deviation = Math.Sqrt(observed.Sum(x => (x - mean) * (x - mean)) / observed.Length);
            columns[i] = new StatColumn
            {
                Name = source.Name,
                Kind = kind,
                Storage = codec.Storage,
                Min = observed.Min(),
                Max = observed.Max(),
                Mean = mean,
                Deviation = deviation > 0 && double.IsFinite(deviation) ? deviation : 1,
                DateUnit = kind == ColumnKind.Datetime ? DateUnits.First(unit => observed.All(x => (long)x % unit == 0)) : 0,
                DateKind = dateKind,
                MissingFraction = (double)missing / rows,
            };
            data[i] = values;
        }
        return (new StatSchema(metadata, columns), data);
    }

    private static readonly long[] DateUnits = [TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 1];

    /// <summary>Model output (one array per column, rows long; identifier arrays are ignored and may be null) as a table of the fitted types.</summary>
    /// <exception cref="SynthException">A value is infinite or a category code is out of range: a bug in the model, never silently repaired.</exception>
    public DataFrame Decode(double[]?[] data, int rows)
    {
        var result = new DataFrameColumn[Columns.Count];
        for (int i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            if (column.Role == StatRole.Identifier)
            {
                result[i] = column.Identifier!.Reverse(ReadOnlySpan<float>.Empty, rows, 0, 0);
                continue;
            }
            var codec = ColumnValueCodec.Create(column.Name, column.Storage, column.Kind);
            var source = data[i] ?? throw new InvalidOperationException($"No values were generated for column '{column.Name}'.");
            var values = new object?[rows];
            for (int r = 0; r < rows; r++)
            {
                double x = source[r];
                if (double.IsNaN(x)) continue;
                if (!double.IsFinite(x)) throw new SynthException($"Column '{column.Name}': the model produced {x} at row {r + 1}.");
                if (column.Role == StatRole.Numeric)
                {
                    values[r] = codec.FromNumber(column.Finish(x), column.DateKind);
                }
                else
                {
                    int code = (int)x;
                    if (code < 0 || code >= column.Categories.Count || code != x)
                        throw new SynthException($"Column '{column.Name}': the model produced category code {x} at row {r + 1}.");
                    values[r] = codec.FromKey(column.Categories[code]);
                }
            }
            result[i] = column.Storage.Create(column.Name, values);
        }
        return new DataFrame(result);
    }

    public JsonObject ToJson() => new()
    {
        ["version"] = Version,
        ["columns"] = new JsonArray(Columns.Select(c => (JsonNode?)c.ToJson()).ToArray()),
    };

    /// <summary>Restores the schema saved with a model and checks it against the model file's header.</summary>
    public static StatSchema FromJson(JsonObject json, TableMetadata header)
    {
        int version = JsonFields.Get<int>(json, "version");
        if (version != Version) throw new SynthException($"The model file's column layout has version {version}; this SynthNotebooks reads version {Version}.");
        var columns = JsonFields.Array(json, "columns").Select(n => StatColumn.FromJson(n as JsonObject ?? throw new SynthException("The model file has an invalid column entry."))).ToArray();
        var schema = new StatSchema(header, columns);
        var own = new TableMetadata(columns.Select(c => new ColumnMetadata(c.Name, c.Kind, 0, 0, 0)));
        header.EnsureSameSchema(own, "The model file is inconsistent (header and model columns)");
        return schema;
    }
}
