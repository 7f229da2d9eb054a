namespace SynthCore.Data;

/// <summary>The .NET element type of a DataFrame column, as far as SynthCore supports it.</summary>
internal enum ColumnStorage { Double, Single, Decimal, Byte, SByte, Int16, UInt16, Int32, UInt32, Int64, UInt64, String, DateTime, Boolean }

/// <summary>Reading cells of any supported column type, and making columns of a given type again.</summary>
internal static class ColumnStorageExtensions
{
    public static ColumnStorage StorageOf(DataFrameColumn column)
    {
        var t = column.DataType;
        if (t == typeof(double)) return ColumnStorage.Double;
        if (t == typeof(float)) return ColumnStorage.Single;
        if (t == typeof(decimal)) return ColumnStorage.Decimal;
        if (t == typeof(byte)) return ColumnStorage.Byte;
        if (t == typeof(sbyte)) return ColumnStorage.SByte;
        if (t == typeof(short)) return ColumnStorage.Int16;
        if (t == typeof(ushort)) return ColumnStorage.UInt16;
        if (t == typeof(int)) return ColumnStorage.Int32;
        if (t == typeof(uint)) return ColumnStorage.UInt32;
        if (t == typeof(long)) return ColumnStorage.Int64;
        if (t == typeof(ulong)) return ColumnStorage.UInt64;
        if (t == typeof(string)) return ColumnStorage.String;
        if (t == typeof(DateTime)) return ColumnStorage.DateTime;
        if (t == typeof(bool)) return ColumnStorage.Boolean;
        throw new SynthColumnException(column.Name, $"has values of type {t.Name}, which SynthNotebooks does not support (use numbers, text, dates or booleans).");
    }

    public static bool IsNumeric(this ColumnStorage s) => s is not (ColumnStorage.String or ColumnStorage.DateTime or ColumnStorage.Boolean);

    public static bool IsIntegral(this ColumnStorage s) => s.IsNumeric() && s is not (ColumnStorage.Double or ColumnStorage.Single or ColumnStorage.Decimal);

    /// <summary>Lower-case name for JSON.</summary>
    public static string ToJsonName(this ColumnStorage s) => s.ToString().ToLowerInvariant();

    public static ColumnStorage ParseStorage(string name) =>
        Enum.TryParse<ColumnStorage>(name, ignoreCase: true, out var s) && !int.TryParse(name, out _)
            ? s
            : throw new SynthException($"Unknown column storage '{name}' in saved transform.");

    /// <summary>Null, or NaN in a floating-point column: no value.</summary>
    public static bool IsMissing(object? value) => value is null || value is double.NaN || value is float.NaN;

    /// <summary>A column of <paramref name="storage"/> type; values must already have that type (or be null).</summary>
    public static DataFrameColumn Create(this ColumnStorage storage, string name, IReadOnlyList<object?> values) => storage switch
    {
        ColumnStorage.Double => new DoubleDataFrameColumn(name, values.Select(v => (double?)v)),
        ColumnStorage.Single => new SingleDataFrameColumn(name, values.Select(v => (float?)v)),
        ColumnStorage.Decimal => new DecimalDataFrameColumn(name, values.Select(v => (decimal?)v)),
        ColumnStorage.Byte => new ByteDataFrameColumn(name, values.Select(v => (byte?)v)),
        ColumnStorage.SByte => new SByteDataFrameColumn(name, values.Select(v => (sbyte?)v)),
        ColumnStorage.Int16 => new Int16DataFrameColumn(name, values.Select(v => (short?)v)),
        ColumnStorage.UInt16 => new UInt16DataFrameColumn(name, values.Select(v => (ushort?)v)),
        ColumnStorage.Int32 => new Int32DataFrameColumn(name, values.Select(v => (int?)v)),
        ColumnStorage.UInt32 => new UInt32DataFrameColumn(name, values.Select(v => (uint?)v)),
        ColumnStorage.Int64 => new Int64DataFrameColumn(name, values.Select(v => (long?)v)),
        ColumnStorage.UInt64 => new UInt64DataFrameColumn(name, values.Select(v => (ulong?)v)),
        ColumnStorage.String => new StringDataFrameColumn(name, values.Select(v => (string?)v)),
        ColumnStorage.DateTime => new DateTimeDataFrameColumn(name, values.Select(v => (DateTime?)v)),
        ColumnStorage.Boolean => new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
        _ => throw new ArgumentOutOfRangeException(nameof(storage)),
    };

    /// <summary>A number converted to a numeric storage type: rounded for integer types, kept inside the type's range.</summary>
    public static object FromDouble(this ColumnStorage storage, double x)
    {
        double Round(double min, double max) => Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), min, max);
        return storage switch
        {
            ColumnStorage.Double => x,
            ColumnStorage.Single => (float)x,
            ColumnStorage.Decimal => (decimal)Math.Clamp(x, (double)decimal.MinValue, (double)decimal.MaxValue),
            ColumnStorage.Byte => (byte)Round(byte.MinValue, byte.MaxValue),
            ColumnStorage.SByte => (sbyte)Round(sbyte.MinValue, sbyte.MaxValue),
            ColumnStorage.Int16 => (short)Round(short.MinValue, short.MaxValue),
            ColumnStorage.UInt16 => (ushort)Round(ushort.MinValue, ushort.MaxValue),
            ColumnStorage.Int32 => (int)Round(int.MinValue, int.MaxValue),
            ColumnStorage.UInt32 => (uint)Round(uint.MinValue, uint.MaxValue),
            // 2^63 and 2^64 are not representable exactly; stay just inside.
            ColumnStorage.Int64 => (long)Round(-9.2233720368547748E+18, 9.2233720368547748E+18 - 1024),
            ColumnStorage.UInt64 => (ulong)Round(0, 1.8446744073709552E+19 - 2048),
            _ => throw new ArgumentOutOfRangeException(nameof(storage), $"{storage} is not numeric"),
        };
    }

    public static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
