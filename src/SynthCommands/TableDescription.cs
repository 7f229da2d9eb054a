namespace SynthCommands;

/// <summary>One column as <c>synth describe</c> reports it.</summary>
public sealed record ColumnDescription(string Name, ColumnKind Kind, int MissingCount, double MissingPercent, int DistinctCount, bool Overridden);

/// <summary>
/// What <c>synth describe</c> shows: the row count and each column's kind, missing and distinct values, and warnings
/// about text columns that are numbers or dates in disguise (see <see cref="DisguisedColumns"/>).
/// </summary>
public sealed record TableDescription(string Source, int Rows, IReadOnlyList<ColumnDescription> Columns, IReadOnlyList<string> Warnings)
{
    public static TableDescription From(string source, DataFrame table, TableMetadata metadata) => new(
        source,
        metadata.RowCount,
        metadata.Columns.Select(c => new ColumnDescription(c.Name, c.Kind, c.MissingCount, 100 * c.MissingFraction, c.DistinctCount, c.Overridden)).ToArray(),
        DisguisedColumns.Find(table, metadata));
}
