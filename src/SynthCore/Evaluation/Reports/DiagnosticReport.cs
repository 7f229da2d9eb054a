namespace SynthCore.Evaluation.Reports;

/// <summary>
/// Basic validity checks of a synthetic table, defined as SDMetrics' single-table DiagnosticReport (0.13 and
/// later): the <see cref="DataValidity"/> and <see cref="DataStructure"/> properties and an overall
/// <see cref="Score"/> that is their mean. A healthy synthesizer scores 1.
/// </summary>
public sealed class DiagnosticReport
{
    private DiagnosticReport(double score, IReadOnlyList<PropertyScore> properties, IReadOnlyList<ColumnScore> dataValidity, IReadOnlyList<TableScore> dataStructure)
    {
        Score = score;
        Properties = properties;
        DataValidity = dataValidity;
        DataStructure = dataStructure;
    }

    /// <summary>The overall diagnostic score, 0 to 1: the mean of the property scores that could be computed.</summary>
    public double Score { get; }

    /// <summary>"Data Validity" and "Data Structure" with their scores.</summary>
    public IReadOnlyList<PropertyScore> Properties { get; }

    /// <summary>Per-column details of the Data Validity property.</summary>
    public IReadOnlyList<ColumnScore> DataValidity { get; }

    /// <summary>Details of the Data Structure property (one TableStructure row).</summary>
    public IReadOnlyList<TableScore> DataStructure { get; }

    /// <summary>Checks <paramref name="synthetic"/> against <paramref name="real"/> on the columns of <paramref name="metadata"/>.</summary>
    /// <exception cref="SynthColumnException">A metadata column is missing from a table or holds values that do not suit its kind.</exception>
    public static DiagnosticReport Generate(DataFrame real, DataFrame synthetic, TableMetadata metadata)
    {
        ReportInputs.Validate(real, synthetic, metadata);
        var validity = Reports.DataValidity.Details(real, synthetic, metadata);
        var structure = Reports.DataStructure.Details(real, synthetic);
        PropertyScore[] properties =
        [
            new(Reports.DataValidity.Name, Averages.NanMean(validity.Select(d => d.Score))),
            new(Reports.DataStructure.Name, Averages.NanMean(structure.Select(d => d.Score))),
        ];
        return new DiagnosticReport(Averages.NanMean(properties.Select(p => p.Score)), properties, validity, structure);
    }
}
