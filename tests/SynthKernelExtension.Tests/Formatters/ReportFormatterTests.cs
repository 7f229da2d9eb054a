using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using SynthCore.Data;
using SynthCore.Evaluation.Privacy;
using SynthCore.Evaluation.Reports;
using SynthKernelExtension.Formatters;

namespace SynthKernelExtension.Tests.Formatters;

/// <summary><c>display(report)</c> of the library's raw report objects: scores first, then details tables.</summary>
public sealed class ReportFormatterTests
{
    public ReportFormatterTests() => SynthFormatters.Register();

    private static string Html(object value) => Formatter.ToDisplayString(value, SynthFormatters.MimeType);

    private static readonly DataFrame Real = new(
        new DoubleDataFrameColumn("age", new double[] { 30, 41, 25, 52, 38, 30, 61, 45 }),
        new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Oslo", "Lima", "Rome", "Oslo", "Lima", "Rome" }));

    private static readonly DataFrame Synthetic = new(
        new DoubleDataFrameColumn("age", new double[] { 33, 40, 22, 58, 30, 29, 70 }),
        new StringDataFrameColumn("city", new[] { "Oslo", "Oslo", "Oslo", "Lima", "Rome", "Pune", "Lima" }));

    [Fact]
    public void Quality_report_shows_the_score_each_property_and_the_details()
    {
        var report = QualityReport.Generate(Real, Synthetic, TableMetadata.Detect(Real));
        string html = Html(report);
        Assert.StartsWith("<div class=\"synth-quality-report\">", html);
        Assert.Contains($"Quality score {report.Score:0.0000}", html);
        Assert.Contains($"({report.Score100:0.0} / 100)", html);
        foreach (var property in report.Properties)
            Assert.Contains($"{property.Property}</span>", html);
        Assert.Contains("<td>age</td><td>KSComplement</td>", html);
        Assert.Contains("<td>city</td><td>TVComplement</td>", html);
        Assert.Contains("<summary><b>Column Pair Trends</b> (1 row)</summary>", html);
    }

    [Fact]
    public void Diagnostic_report_shows_validity_and_structure()
    {
        var report = DiagnosticReport.Generate(Real, Synthetic, TableMetadata.Detect(Real));
        string html = Html(report);
        Assert.Contains($"Diagnostic score {report.Score:0.0000}", html);
        Assert.Contains("Data Validity", html);
        Assert.Contains("<td>city</td><td>CategoryAdherence</td>", html);
        Assert.Contains("<td>TableStructure</td><td>1.0000</td>", html);
    }

    [Fact]
    public void Privacy_report_shows_copies_and_the_attack_at_a_glance()
    {
        // The synthetic table copies two real rows.
        var synthetic = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 30, 41, 70, 22 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Rome", "Pune", "Lima" }));
        var holdout = new DataFrame(
            new DoubleDataFrameColumn("age", new double[] { 35, 50, 28 }),
            new StringDataFrameColumn("city", new[] { "Oslo", "Lima", "Rome" }));
        var report = PrivacyRisk.Evaluate(Real, synthetic, holdout, TableMetadata.Detect(Real));
        Assert.Equal(0.5, report.ExactCopyRate);
        string html = Html(report);
        Assert.StartsWith("<div class=\"synth-privacy-report\">", html);
        Assert.Contains("8 training rows, 4 synthetic rows, 3 holdout rows", html);
        Assert.Contains("<div style=\"font-size:1.4em;font-weight:bold\">50.0%</div>", html);
        Assert.Contains($"{report.MembershipInferenceAuc:0.000}", html);
        Assert.Contains($"<td>DCR median</td><td>{report.SyntheticToTraining.Median.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}</td>", html);
    }
}
