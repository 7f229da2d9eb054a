using Microsoft.Data.Analysis;

namespace SynthReports.Charts;

/// <summary>Column values as the charts take them.</summary>
public static class ChartValues
{
    /// <summary>Every value of <paramref name="column"/> (missing as null).</summary>
    public static object?[] Of(DataFrameColumn column)
    {
        var values = new object?[column.Length];
        for (long i = 0; i < column.Length; i++) values[i] = column[i];
        return values;
    }

    /// <summary>The finite numbers among <paramref name="values"/> (dates as ticks); others left out.</summary>
    public static double[] Numbers(IReadOnlyList<object?> values) => values
        .Select(v => v switch
        {
            null or string => double.NaN,
            DateTime d => d.Ticks,
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            _ => double.NaN,
        })
        .Where(double.IsFinite).ToArray();
}
