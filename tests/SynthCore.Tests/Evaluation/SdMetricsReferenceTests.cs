using SynthCore.Evaluation.Metrics;
using SynthCore.Evaluation.Reports;

namespace SynthCore.Tests.Evaluation;

/// <summary>Our reports against the numbers SDMetrics 0.12.1 produced on the same tables, to 3 decimals.</summary>
public class SdMetricsReferenceTests
{
    private const int Decimals = 3;

    public static TheoryData<string> Fixtures => new() { "screentime", "penguins" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Overall_and_property_scores_match_SDMetrics(string name)
    {
        var fixture = SdMetricsFixture.Load(name);
        var report = QualityReport.Generate(fixture.Real, fixture.Synthetic, fixture.Metadata);

        Assert.Equal(fixture.ExpectedOverall, report.Score, Decimals);
        Assert.Equal(fixture.ExpectedProperty("Column Shapes"), report.PropertyScore("Column Shapes"), Decimals);
        Assert.Equal(fixture.ExpectedProperty("Column Pair Trends"), report.PropertyScore("Column Pair Trends"), Decimals);
        Assert.Equal(100 * fixture.ExpectedOverall, report.Score100, Decimals - 2);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Column_shapes_match_SDMetrics_column_by_column(string name)
    {
        var fixture = SdMetricsFixture.Load(name);
        var report = QualityReport.Generate(fixture.Real, fixture.Synthetic, fixture.Metadata);

        var expected = fixture.ExpectedColumnShapes.ToArray();
        Assert.Equal(expected.Select(e => (e.Column, e.Metric)), report.ColumnShapes.Select(d => (d.Column, d.Metric)));
        foreach (var (e, ours) in expected.Zip(report.ColumnShapes))
            Assert.True(Math.Abs(e.Score - ours.Score) < 5e-4, $"{e.Column}: SDMetrics {e.Score:F6}, ours {ours.Score:F6}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Column_pair_trends_match_SDMetrics_pair_by_pair(string name)
    {
        var fixture = SdMetricsFixture.Load(name);
        var report = QualityReport.Generate(fixture.Real, fixture.Synthetic, fixture.Metadata);

        Assert.Equal(fixture.Pairs.Select(p => (p.Column1, p.Column2, p.Metric)),
            report.ColumnPairTrends.Select(d => (d.Column1, d.Column2, d.Metric)));
        foreach (var (e, ours) in fixture.Pairs.Zip(report.ColumnPairTrends))
            Assert.True(Math.Abs(e.Score - ours.Score) < 5e-4, $"{e.Column1} × {e.Column2}: SDMetrics {e.Score:F6}, ours {ours.Score:F6}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Boundary_adherence_matches_the_SDMetrics_Boundary_property(string name)
    {
        var fixture = SdMetricsFixture.Load(name);
        var report = DiagnosticReport.Generate(fixture.Real, fixture.Synthetic, fixture.Metadata);

        // SDMetrics 0.12.1's Boundary property is the mean BoundaryAdherence over numeric columns,
        // which our Data Validity details hold for the same columns.
        var boundary = report.DataValidity.Where(d => d.Metric == "BoundaryAdherence").Average(d => d.Score);
        Assert.Equal(fixture.ExpectedDiagnostic("Boundary"), boundary, Decimals);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Coverage_metrics_match_the_SDMetrics_Coverage_property(string name)
    {
        var fixture = SdMetricsFixture.Load(name);

        // SDMetrics 0.12.1's Coverage property: RangeCoverage for numeric columns, CategoryCoverage for
        // categorical ones, averaged over columns.
        var scores = fixture.Metadata.Columns.Select(c =>
        {
            IColumnMetric metric = c.Kind == SynthCore.Data.ColumnKind.Categorical ? new CategoryCoverage() : new RangeCoverage();
            return metric.Compute(fixture.Real.Columns[c.Name], fixture.Synthetic.Columns[c.Name]).Score;
        });
        Assert.Equal(fixture.ExpectedDiagnostic("Coverage"), scores.Average(), Decimals);
    }
}
