using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Reports;
using static SynthCore.Tests.Evaluation.Columns;

namespace SynthCore.Tests.Evaluation;

public class DiagnosticReportTests
{
    [Fact]
    public void Data_validity_picks_the_metric_by_kind_and_the_score_averages_both_properties()
    {
        var real = new DataFrame(Num("id", 1, 2), Num("x", 0, 10), Cat("c", "a", "b"), Bool("b", true, false));
        var synthetic = new DataFrame(Num("id", 1, 1), Num("x", 5, 20), Cat("c", "a", "z"), Bool("b", true, true));
        var metadata = QualityReportTests.Metadata(real,
            ("id", ColumnKind.Identifier), ("x", ColumnKind.Continuous), ("c", ColumnKind.Categorical), ("b", ColumnKind.Boolean));

        var report = DiagnosticReport.Generate(real, synthetic, metadata);

        Assert.Equal(new[]
        {
            ("id", "KeyUniqueness", 0.5),
            ("x", "BoundaryAdherence", 0.5),
            ("c", "CategoryAdherence", 0.5),
            ("b", "CategoryAdherence", 1.0),
        }, report.DataValidity.Select(d => (d.Column, d.Metric, d.Score)));
        Assert.Equal(new TableScore("TableStructure", 1), Assert.Single(report.DataStructure));
        Assert.Equal(new[] { new PropertyScore("Data Validity", 0.625), new PropertyScore("Data Structure", 1) }, report.Properties);
        Assert.Equal(0.8125, report.Score, 12);
    }

    [Fact]
    public void An_extra_synthetic_column_lowers_data_structure()
    {
        var real = new DataFrame(Num("x", 1, 2));
        var synthetic = new DataFrame(Num("x", 1, 2), Cat("extra", "a", "b"));
        var metadata = QualityReportTests.Metadata(real, ("x", ColumnKind.Continuous));

        var report = DiagnosticReport.Generate(real, synthetic, metadata);

        Assert.Equal(0.5, report.DataStructure[0].Score, 12);
        Assert.Equal(0.75, report.Score, 12);
    }
}
