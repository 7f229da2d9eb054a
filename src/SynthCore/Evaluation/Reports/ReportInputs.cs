namespace SynthCore.Evaluation.Reports;

/// <summary>Checks shared by the reports, and how column kinds map to SDMetrics' column shapes.</summary>
internal static class ReportInputs
{
    /// <summary>Numbers and dates: compared by distributions and correlations.</summary>
    public static bool IsContinuous(ColumnKind kind) => kind is ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime;

    /// <summary>Labels and booleans: compared by frequencies.</summary>
    public static bool IsDiscrete(ColumnKind kind) => kind is ColumnKind.Categorical or ColumnKind.Boolean;

    /// <summary>Whether the column holds numbers or dates.</summary>
    public static bool IsNumeric(DataFrameColumn column) =>
        column.DataType == typeof(DateTime) || column.DataType == typeof(decimal)
        || (column.DataType.IsPrimitive && column.DataType != typeof(bool) && column.DataType != typeof(char));

    /// <summary>Throws unless every metadata column is in both tables, with values that suit its kind.</summary>
    /// <exception cref="SynthColumnException">Names the column that is missing or has the wrong values.</exception>
    public static void Validate(DataFrame real, DataFrame synthetic, TableMetadata metadata)
    {
        foreach (var column in metadata.Columns)
            foreach (var (table, which) in new[] { (real, "real"), (synthetic, "synthetic") })
            {
                if (table.Columns.IndexOf(column.Name) < 0)
                    throw new SynthColumnException(column.Name, $"is in the metadata but not in the {which} table.");
                var values = table.Columns[column.Name];
                if (IsContinuous(column.Kind) && !IsNumeric(values))
                    throw new SynthColumnException(column.Name,
                        $"is {column.Kind.ToString().ToLowerInvariant()} in the metadata but holds {values.DataType.Name} values in the {which} table.");
            }
    }
}
