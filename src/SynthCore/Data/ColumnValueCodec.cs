namespace SynthCore.Data;

/// <summary>
/// How the cells of one column are read as the column's kind: as numbers (continuous, integer,
/// and datetime as ticks), or as category keys. Also decides which kinds a column's type can
/// take at all, so detection overrides and transforms reject the same things with the same words.
/// </summary>
internal sealed class ColumnValueCodec
{
    private ColumnValueCodec(string column, ColumnStorage storage, ColumnKind kind)
    {
        Column = column;
        Storage = storage;
        Kind = kind;
    }

    public string Column { get; }
    public ColumnStorage Storage { get; }
    public ColumnKind Kind { get; }

    /// <summary>A codec for reading <paramref name="storage"/> cells as <paramref name="kind"/>.</summary>
    /// <exception cref="SynthColumnException">The type cannot hold that kind (e.g. continuous for dates).</exception>
    public static ColumnValueCodec Create(string column, ColumnStorage storage, ColumnKind kind, object? example = null)
    {
        bool possible = kind switch
        {
            ColumnKind.Continuous or ColumnKind.Integer => storage.IsNumeric() || storage == ColumnStorage.String,
            ColumnKind.Datetime => storage is ColumnStorage.DateTime or ColumnStorage.String,
            ColumnKind.Boolean => storage != ColumnStorage.DateTime,
            ColumnKind.Categorical => true,
            ColumnKind.Identifier => storage.IsNumeric() || storage == ColumnStorage.String,
            _ => false,
        };
        if (!possible)
            throw new SynthColumnException(column,
                $"cannot be {KindName(kind)}: it holds {Describe(storage)}" + (example is null ? "." : $" such as '{FormatCell(example)}'."));
        return new ColumnValueCodec(column, storage, kind);
    }

    /// <summary>A codec for a column, after checking every value fits the kind.</summary>
    /// <exception cref="SynthColumnException">Names the first value that does not fit, and its row.</exception>
    public static ColumnValueCodec CreateChecked(DataFrameColumn column, ColumnKind kind)
    {
        var storage = ColumnStorageExtensions.StorageOf(column);
        object? first = null;
        for (long r = 0; r < column.Length && first is null; r++)
            if (!ColumnStorageExtensions.IsMissing(column[r])) first = column[r];
        var codec = Create(column.Name, storage, kind, first);
        for (long r = 0; r < column.Length; r++)
        {
            object? value = column[r];
            if (!ColumnStorageExtensions.IsMissing(value) && !codec.Accepts(value!))
                throw new SynthColumnException(column.Name, $"cannot be {KindName(kind)}: row {r + 1} has '{FormatCell(value!)}'{Hint(kind)}.");
        }
        return codec;
    }

    private static string Hint(ColumnKind kind) => kind switch
    {
        ColumnKind.Continuous or ColumnKind.Integer => ", which is not a number",
        ColumnKind.Datetime => ", which is not a date",
        ColumnKind.Boolean => ", which is not true/false/yes/no (or 0/1)",
        _ => "",
    };

    public static string KindName(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string Describe(ColumnStorage storage) => storage switch
    {
        ColumnStorage.String => "text",
        ColumnStorage.DateTime => "dates",
        ColumnStorage.Boolean => "true/false values",
        _ => "numbers",
    };

    /// <summary>Whether a non-missing cell can be read as this codec's kind.</summary>
    public bool Accepts(object value) => Kind switch
    {
        ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime => TryToNumber(value, out _),
        ColumnKind.Boolean => Storage switch
        {
            ColumnStorage.Boolean => true,
            ColumnStorage.String => CsvValueParser.TryParseBool((string)value, out _),
            _ => ColumnStorageExtensions.ToDouble(value) is 0 or 1,
        },
        _ => true,
    };

    /// <summary>A non-missing cell as a number: the value itself, or ticks for dates.</summary>
    public bool TryToNumber(object value, out double x)
    {
        switch (value)
        {
            case DateTime d: x = d.Ticks; return true;
            case string s when Kind == ColumnKind.Datetime: return CsvValueParser.TryParseDateTicks(s, out x);
            case string s: return CsvValueParser.TryParseNumber(s, out x);
            case bool: x = 0; return false;
            default:
                x = ColumnStorageExtensions.ToDouble(value);
                return double.IsFinite(x);
        }
    }

    /// <summary>A number back as a cell of this column's type (dates from ticks, with <paramref name="dateKind"/>).</summary>
    public object FromNumber(double x, DateTimeKind dateKind = DateTimeKind.Unspecified)
    {
        switch (Storage)
        {
            case ColumnStorage.DateTime:
                return new DateTime(TicksOf(x), dateKind);
            case ColumnStorage.String when Kind == ColumnKind.Datetime:
                var d = new DateTime(TicksOf(x));
                return CsvTable.FormatDate(d, d.TimeOfDay == TimeSpan.Zero);
            case ColumnStorage.String:
                return x.ToString("R", CultureInfo.InvariantCulture);
            default:
                return Storage.FromDouble(x);
        }
    }

    private static long TicksOf(double x) => (long)Math.Clamp(Math.Round(x), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks - 1024);

    /// <summary>A non-missing cell as a category key (invariant text that parses back to the same value).</summary>
    public string ToKey(object value) => value switch
    {
        string s => s,
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A category key back as a cell of this column's type.</summary>
    public object FromKey(string key)
    {
        var c = CultureInfo.InvariantCulture;
        return Storage switch
        {
            ColumnStorage.String => key,
            ColumnStorage.Boolean => key == "true",
            ColumnStorage.DateTime => DateTime.ParseExact(key, "O", c, DateTimeStyles.RoundtripKind),
            ColumnStorage.Double => double.Parse(key, NumberStyles.Float, c),
            ColumnStorage.Single => float.Parse(key, NumberStyles.Float, c),
            ColumnStorage.Decimal => decimal.Parse(key, NumberStyles.Float, c),
            ColumnStorage.Byte => byte.Parse(key, c),
            ColumnStorage.SByte => sbyte.Parse(key, c),
            ColumnStorage.Int16 => short.Parse(key, c),
            ColumnStorage.UInt16 => ushort.Parse(key, c),
            ColumnStorage.Int32 => int.Parse(key, c),
            ColumnStorage.UInt32 => uint.Parse(key, c),
            ColumnStorage.Int64 => long.Parse(key, c),
            ColumnStorage.UInt64 => ulong.Parse(key, c),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
    }

    /// <summary>Natural order of two cells: numbers by value, dates by time, text ordinally, false before true.</summary>
    public int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        _ => ColumnStorageExtensions.ToDouble(a).CompareTo(ColumnStorageExtensions.ToDouble(b)),
    };

    public static string FormatCell(object value) => value switch
    {
        DateTime d => CsvTable.FormatDate(d, d.TimeOfDay == TimeSpan.Zero && d.Kind != DateTimeKind.Utc),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
