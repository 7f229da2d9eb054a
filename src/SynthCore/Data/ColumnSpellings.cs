using System.Runtime.CompilerServices;

namespace SynthCore.Data;

/// <summary>
/// The spelling a table column was read in (a boolean's yes/no, a date's format, a number's fixed decimals), kept beside the column object (a <see cref="DataFrame"/> column has no
/// place for it): <see cref="CsvTable.Read"/> records it, <see cref="TableMetadata.Detect"/> carries it into the
/// metadata (and so into model files), and the CSV writer writes it back. Sampled tables get it from their model's
/// metadata through <see cref="Apply"/>.
/// </summary>
public static class ColumnSpellings
{
    private static readonly ConditionalWeakTable<DataFrameColumn, BooleanSpelling> Booleans = new();
    private static readonly ConditionalWeakTable<DataFrameColumn, string> DateFormats = new();
    private static readonly ConditionalWeakTable<DataFrameColumn, object> Decimals = new();

    /// <summary>The spelling recorded for <paramref name="column"/>, or null (written as true/false).</summary>
    public static BooleanSpelling? Of(DataFrameColumn column) => Booleans.TryGetValue(column, out var spelling) ? spelling : null;

    /// <summary>Records that <paramref name="column"/> is spelled <paramref name="spelling"/> (null forgets it).</summary>
    public static void Remember(DataFrameColumn column, BooleanSpelling? spelling)
    {
        if (spelling is null) Booleans.Remove(column);
        else Booleans.AddOrUpdate(column, spelling);
    }

    /// <summary>The .NET format a date column was read in ("M/d/yyyy", "d MMM yyyy", …), or null (ISO 8601).</summary>
    public static string? DateFormatOf(DataFrameColumn column) => DateFormats.TryGetValue(column, out var format) ? format : null;

    /// <summary>Records that <paramref name="column"/>'s dates are written as <paramref name="format"/> (null forgets it).</summary>
    public static void RememberDateFormat(DataFrameColumn column, string? format)
    {
        if (format is null) DateFormats.Remove(column);
        else DateFormats.AddOrUpdate(column, format);
    }

    /// <summary>The decimals every value of a numeric column was read with ("1.50" → 2, "3" → 0; <see cref="FixedDecimals"/>), or null (shortest round-trip).</summary>
    public static int? DecimalsOf(DataFrameColumn column) => Decimals.TryGetValue(column, out var decimals) ? (int)decimals : null;

    /// <summary>Records that <paramref name="column"/>'s numbers are written with <paramref name="decimals"/> decimals (null forgets it).</summary>
    public static void RememberDecimals(DataFrameColumn column, int? decimals)
    {
        if (decimals is null) Decimals.Remove(column);
        else Decimals.AddOrUpdate(column, decimals.Value);
    }

    /// <summary>
    /// Gives the boolean, date and numeric columns of <paramref name="table"/> the spellings, date formats and decimals
    /// <paramref name="metadata"/> recorded (columns the metadata does not know are left as they are); returns <paramref name="table"/>.
    /// </summary>
    public static DataFrame Apply(DataFrame table, TableMetadata metadata)
    {
        foreach (var column in table.Columns)
        {
            if (!metadata.Contains(column.Name)) continue;
            var meta = metadata[column.Name];
            if (column is BooleanDataFrameColumn && meta.Spelling is { } spelling) Remember(column, spelling);
            if (column is DateTimeDataFrameColumn && meta.DateFormat is { } format) RememberDateFormat(column, format);
            if (column is DoubleDataFrameColumn or SingleDataFrameColumn && meta.Decimals is { } decimals) RememberDecimals(column, decimals);
        }
        return table;
    }
}
