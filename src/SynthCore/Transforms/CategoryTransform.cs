namespace SynthCore.Transforms;

/// <summary>
/// Shared part of the category encodings (categorical and boolean columns of any type). Categories
/// are kept in natural order (numbers by value, text ordinally, false before true); if the column
/// had missing values, "missing" is one more category after them, which reverses to null.
/// </summary>
public abstract class CategoryTransform : IColumnTransform
{
    private ColumnValueCodec? codec;
    private Dictionary<string, int> codes = new(StringComparer.Ordinal);

    protected CategoryTransform(string column, ColumnKind kind)
    {
        if (kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
            throw new SynthColumnException(column, $"a category transform cannot model a {ColumnValueCodec.KindName(kind)} column.");
        Column = column;
        Kind = kind;
    }

    public string Column { get; }
    public ColumnKind Kind { get; }

    /// <summary>The fitted categories as invariant text, in code order.</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>Whether "missing" is a category (the last code).</summary>
    public bool HasMissingCategory { get; private set; }

    /// <summary>Categories plus the missing category, if any.</summary>
    public int CodeCount => Categories.Count + (HasMissingCategory ? 1 : 0);

    public abstract int Width { get; }
    public abstract IReadOnlyList<OutputSpan> Spans { get; }
    protected abstract string TypeName { get; }

    /// <summary>Writes the outputs for one row's code.</summary>
    protected abstract void Encode(int code, Span<float> outputs);

    /// <summary>The code for one row's outputs; always a valid code.</summary>
    protected abstract int Decode(ReadOnlySpan<float> outputs);

    public void Fit(DataFrameColumn c)
    {
        codec = ColumnValueCodec.CreateChecked(c, Kind);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        bool missing = false;
        for (long r = 0; r < c.Length; r++)
        {
            object? cell = c[r];
            if (ColumnStorageExtensions.IsMissing(cell)) { missing = true; continue; }
            values.TryAdd(codec.ToKey(cell!), cell!);
        }
        if (values.Count == 0) throw new SynthColumnException(Column, "has only missing values; drop it or fill it in.");
        var order = codec;
        Categories = values.OrderBy(kv => kv.Value, Comparer<object>.Create(order.Compare)).Select(kv => kv.Key).ToArray();
        HasMissingCategory = missing;
        IndexCodes();
    }

    private void IndexCodes() => codes = Categories.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);

    private ColumnValueCodec Fitted => codec ?? throw new InvalidOperationException($"The transform of column '{Column}' is not fitted.");

    public void Transform(DataFrameColumn c, Span<float> dest, int stride, int offset)
    {
        var fitted = Fitted;
        NumericTransform.CheckStorage(c, fitted.Storage);
        for (int r = 0; r < c.Length; r++)
        {
            object? cell = c[r];
            int code;
            if (ColumnStorageExtensions.IsMissing(cell))
            {
                if (!HasMissingCategory)
                    throw new SynthColumnException(Column, $"row {r + 1} has no value, but the column had no missing values when the transform was fitted.");
                code = Categories.Count;
            }
            else if (!codes.TryGetValue(fitted.ToKey(cell!), out code))
            {
                string known = string.Join(", ", Categories.Take(10)) + (Categories.Count > 10 ? $", … ({Categories.Count} in all)" : "");
                throw new SynthColumnException(Column, $"row {r + 1} has '{ColumnValueCodec.FormatCell(cell!)}', a value not seen when the transform was fitted (known: {known}).");
            }
            Encode(code, dest.Slice(r * stride + offset, Width));
        }
    }

    public DataFrameColumn Reverse(ReadOnlySpan<float> src, int rows, int stride, int offset)
    {
        var fitted = Fitted;
        var values = new object?[rows];
        for (int r = 0; r < rows; r++)
        {
            var outputs = src.Slice(r * stride + offset, Width);
            foreach (float y in outputs)
                if (!float.IsFinite(y))
                    throw new SynthException($"Column '{Column}': the model produced a non-finite value ({y}) at row {r + 1}; the model has diverged.");
            int code = Decode(outputs);
            values[r] = code < Categories.Count ? fitted.FromKey(Categories[code]) : null;
        }
        return fitted.Storage.Create(Column, values);
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = TypeName,
        ["column"] = Column,
        ["kind"] = ColumnValueCodec.KindName(Kind),
        ["storage"] = Fitted.Storage.ToJsonName(),
        ["categories"] = new JsonArray(Categories.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
        ["missing_category"] = HasMissingCategory,
    };

    private protected void Restore(JsonObject json)
    {
        codec = ColumnValueCodec.Create(Column, ColumnStorageExtensions.ParseStorage(JsonFields.Get<string>(json, "storage")), Kind);
        Categories = JsonFields.Array(json, "categories").Select(n => n?.GetValue<string>() ?? throw new SynthException("The saved transform has a null category.")).ToArray();
        HasMissingCategory = JsonFields.Get<bool>(json, "missing_category");
        if (Categories.Count == 0) throw new SynthException($"The saved transform of column '{Column}' has no categories.");
        IndexCodes();
    }
}
