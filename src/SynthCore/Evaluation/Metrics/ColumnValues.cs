using System.Globalization;
using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Evaluation.Metrics;

/// <summary>
/// Reads a DataFrame column the way the metrics see it: as numbers (numeric columns, and dates as
/// nanoseconds since 1970 like pandas' to_numeric) or as category keys (any column, cell by cell).
/// Null and NaN are missing.
/// </summary>
internal static class ColumnValues
{
    /// <summary>The key SDMetrics' contingency tables give a missing cell (pandas turns NaN into "nan" with astype(str)).</summary>
    public const string MissingKey = "nan";

    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Whether the column holds numbers or dates.</summary>
    public static bool IsNumeric(DataFrameColumn column) =>
        column.DataType == typeof(DateTime) || column.DataType == typeof(decimal)
        || (column.DataType.IsPrimitive && column.DataType != typeof(bool) && column.DataType != typeof(char));

    /// <summary>Each row as a number, or null when missing.</summary>
    /// <exception cref="SynthColumnException">The column holds neither numbers nor dates.</exception>
    public static double?[] NullableNumbers(DataFrameColumn column)
    {
        if (!IsNumeric(column))
            throw new SynthColumnException(column.Name, $"holds {column.DataType.Name} values, but this comparison needs numbers or dates.");
        var values = new double?[column.Length];
        for (long i = 0; i < column.Length; i++)
            values[i] = column[i] switch
            {
                null => null,
                DateTime d => (d - UnixEpoch).Ticks * 100.0,
                double x => double.IsNaN(x) ? null : x,
                float x => float.IsNaN(x) ? null : x,
                object x => Convert.ToDouble(x, CultureInfo.InvariantCulture),
            };
        return values;
    }

    /// <summary>The non-missing values as numbers, in row order.</summary>
    public static double[] Numbers(DataFrameColumn column) =>
        NullableNumbers(column).Where(x => x.HasValue).Select(x => x!.Value).ToArray();

    /// <summary>Each row as a category key, or null when missing. Keys only need to be equal for equal values.</summary>
    public static string?[] NullableKeys(DataFrameColumn column)
    {
        var keys = new string?[column.Length];
        for (long i = 0; i < column.Length; i++)
            keys[i] = Key(column[i]);
        return keys;
    }

    /// <summary>The non-missing values as category keys, in row order.</summary>
    public static string[] Keys(DataFrameColumn column) =>
        NullableKeys(column).Where(k => k is not null).Select(k => k!).ToArray();

    private static string? Key(object? value) => value switch
    {
        null => null,
        double x => double.IsNaN(x) ? null : x.ToString("R", CultureInfo.InvariantCulture),
        float x => float.IsNaN(x) ? null : x.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
