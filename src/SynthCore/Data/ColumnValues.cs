namespace SynthCore.Data;

/// <summary>Reads a DataFrame column as numbers or as category labels, skipping missing values.</summary>
internal static class ColumnValues
{
    /// <summary>How a missing value is shown where cells become labels: anonymised classes, l-diversity, attribute disclosure.</summary>
    public const string MissingLabel = "(missing)";

    /// <summary>The non-missing values as doubles; dates become ticks.</summary>
    public static double[] Numbers(DataFrameColumn column) =>
        AlignedNumbers(column).Where(x => x.HasValue).Select(x => x!.Value).ToArray();

    /// <summary>Row-aligned numbers (null for missing), for pairwise correlation.</summary>
    public static double?[] AlignedNumbers(DataFrameColumn column)
    {
        var values = new double?[column.Length];
        for (long i = 0; i < column.Length; i++)
            values[i] = ToNumber(column[i]);
        return values;
    }

    /// <summary>Each row's label (invariant culture), null for missing.</summary>
    public static string?[] Labels(DataFrameColumn column)
    {
        var labels = new string?[column.Length];
        for (long i = 0; i < column.Length; i++)
            labels[i] = column[i] switch
            {
                null => null,
                bool b => b ? "true" : "false",
                DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };
        return labels;
    }

    private static double? ToNumber(object? value)
    {
        double? x = value switch
        {
            null => null,
            DateTime d => d.Ticks,
            DateTimeOffset d => d.UtcTicks,
            bool b => b ? 1 : 0,
            string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            _ => null,
        };
        return x is double v && double.IsFinite(v) ? v : null;
    }
}
