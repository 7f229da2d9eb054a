using System.Text.Json.Serialization;

namespace SynthCore.Data;

/// <summary>One column's detected (or overridden) kind and its missing values.</summary>
/// <param name="Name">The column name as in the table.</param>
/// <param name="Kind">How the column is modelled.</param>
/// <param name="MissingCount">Rows with no value.</param>
/// <param name="RowCount">Rows in the table.</param>
/// <param name="DistinctCount">Distinct non-missing values.</param>
/// <param name="Overridden">Whether the user set the kind rather than detection.</param>
/// <param name="Spelling">How a boolean column spelled its values when read ("yes"/"no", …), written back the same way; null for true/false (and in model files made before it was recorded).</param>
/// <param name="DateFormat">The .NET format a date column was read in when not ISO 8601 ("M/d/yyyy", "d MMM yyyy", …), written back the same way; null for ISO (and in older model files).</param>
/// <param name="Decimals">The decimals every value of a numeric column was read with ("1.50" → 2, "3" → 0), written back the same way; null when they differ (and in older model files).</param>
public sealed record ColumnMetadata(string Name, ColumnKind Kind, int MissingCount, int RowCount, int DistinctCount, bool Overridden = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BooleanSpelling? Spelling = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DateFormat = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Decimals = null)
{
    /// <summary>Share of rows with no value, 0 to 1.</summary>
    [JsonIgnore]
    public double MissingFraction => RowCount == 0 ? 0 : (double)MissingCount / RowCount;

    /// <summary>Continuous, integer and datetime columns are modelled as numbers.</summary>
    [JsonIgnore]
    public bool IsNumeric => Kind is ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime;
}

/// <summary>
/// The columns of a table with their kinds: what detection found, with the user's overrides.
/// Saved with every fitted model as its schema.
/// </summary>
public sealed class TableMetadata
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public TableMetadata(IEnumerable<ColumnMetadata> columns)
    {
        Columns = columns.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
            if (!seen.Add(column.Name))
                throw new SynthColumnException(column.Name, "appears more than once in the table.");
    }

    /// <summary>The columns, in table order.</summary>
    public IReadOnlyList<ColumnMetadata> Columns { get; }

    /// <summary>Rows in the table the metadata was made from.</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].RowCount;

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="SynthColumnException">No such column.</exception>
    public ColumnMetadata this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new SynthColumnException(name, $"no such column (the table has: {string.Join(", ", Columns.Select(c => c.Name))}).");

    /// <summary>Whether a column called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => Columns.Any(c => c.Name == name);

    /// <summary>The same columns with one column's kind replaced.</summary>
    public TableMetadata WithKind(string name, ColumnKind kind)
    {
        var column = this[name];
        return new TableMetadata(Columns.Select(c => c.Name == name ? column with { Kind = kind, Overridden = true } : c));
    }

    /// <summary>Throws unless <paramref name="other"/> has the same column names, in the same order, with the same kinds.</summary>
    /// <exception cref="SynthException">Names what differs.</exception>
    public void EnsureSameSchema(TableMetadata other, string context)
    {
        var mine = Columns.Select(c => $"{c.Name}:{c.Kind}").ToArray();
        var theirs = other.Columns.Select(c => $"{c.Name}:{c.Kind}").ToArray();
        if (mine.SequenceEqual(theirs)) return;
        var missing = mine.Except(theirs).ToArray();
        var extra = theirs.Except(mine).ToArray();
        throw new SynthException(
            $"{context}: the schema differs. Expected [{string.Join(", ", mine)}]; got [{string.Join(", ", theirs)}]"
            + (missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : "")
            + (extra.Length > 0 ? $"; unexpected {string.Join(", ", extra)}" : "") + ".");
    }

    /// <summary>
    /// Detects each column's kind from its type and values (rules in <see cref="ColumnKindDetector"/>), with the user's
    /// <paramref name="overrides"/> (column name → kind) applied and checked against the values.
    /// </summary>
    /// <exception cref="SynthException">The table has no rows or no columns.</exception>
    /// <exception cref="SynthColumnException">An override names an unknown column or does not fit the values; a column has only missing values.</exception>
    public static TableMetadata Detect(Microsoft.Data.Analysis.DataFrame table, IReadOnlyDictionary<string, ColumnKind>? overrides = null) =>
        ColumnKindDetector.Detect(table, overrides);

    public string ToJson() => JsonSerializer.Serialize(Columns, Json);

    /// <exception cref="SynthException">Empty, or a spelling, date format or decimals the reader never produces (a model file is not trusted to choose what the CSV writer writes).</exception>
    public static TableMetadata FromJson(string json)
    {
        var columns = JsonSerializer.Deserialize<ColumnMetadata[]>(json, Json) ?? throw new SynthException("Empty table metadata.");
        foreach (var c in columns)
        {
            if (c.Spelling is { } s && !(CsvValueParser.TryParseBool(s.True, out bool t) && t && CsvValueParser.TryParseBool(s.False, out bool f) && !f
                                         && s.True == s.True.Trim() && s.False == s.False.Trim()))
                throw new SynthColumnException(c.Name, $"the recorded spelling '{s.True}'/'{s.False}' is not a true/false or yes/no pair.");
            if (c.DateFormat is { } format && !CsvValueParser.DateFamilies.Any(family => family.Formats.Any(f => f == format || CsvValueParser.Padded(f) == format)))
                throw new SynthColumnException(c.Name, $"the recorded date format '{format}' is not one the reader knows.");
            if (c.Decimals is { } decimals && decimals is < 0 or > FixedDecimals.Max)
                throw new SynthColumnException(c.Name, $"the recorded decimals {decimals} are not between 0 and {FixedDecimals.Max}.");
        }
        return new TableMetadata(columns);
    }
}
