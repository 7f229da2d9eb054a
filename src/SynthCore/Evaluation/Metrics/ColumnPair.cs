namespace SynthCore.Evaluation.Metrics;

/// <summary>Two columns of one table, row-aligned (same length).</summary>
public sealed record ColumnPair(DataFrameColumn First, DataFrameColumn Second)
{
    /// <summary>The pair <paramref name="first"/>, <paramref name="second"/> of <paramref name="table"/>.</summary>
    public static ColumnPair From(DataFrame table, string first, string second) => new(table.Columns[first], table.Columns[second]);
}
