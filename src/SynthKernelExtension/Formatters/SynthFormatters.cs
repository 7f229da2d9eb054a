using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Synthesizers;
using SynthKernelExtension.Commands;
using SynthKernelExtension.Notebook;

namespace SynthKernelExtension.Formatters;

/// <summary>Registers the notebook's HTML formatters for everything SynthNotebooks shows.</summary>
public static class SynthFormatters
{
    public const string MimeType = "text/html";

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>Registers every formatter once; later calls do nothing (the kernel may load the extension twice).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered) return;
            Add<TrainingView>(TrainingHtml.Render);
            Add<IFittedSynthesizer>(HtmlSummaries.FittedModel);
            Add<TableMetadata>(HtmlSummaries.Metadata);
            Add<TableDescription>(HtmlSummaries.Description);
            Add<TableComparison>(HtmlSummaries.Comparison);
            Add<Evaluation>(EvaluationHtml.Render);
            Add<SynthCore.Evaluation.Reports.QualityReport>(ReportHtml.Quality);
            Add<SynthCore.Evaluation.Reports.DiagnosticReport>(ReportHtml.Diagnostic);
            Add<SynthCore.Privacy.PrivacyReport>(ReportHtml.Privacy);
            Add<Charts.ChartPage>(ChartPageView.Render);
            // Anonymization results as the console prints them, kept monospace.
            Add<AnonymizationSummary>(a => HtmlSummaries.Preformatted("synth-anonymization", TextRendering.Render(a)));
            Add<ForecastSummary>(f => HtmlSummaries.Preformatted("synth-forecast", TextRendering.Render(f)));
            Add<ModelList>(HtmlSummaries.Models);
            Add<DataFrame>(HtmlSummaries.DataFramePreview);
            Add<SynthMessage>(HtmlSummaries.Message);
            Add<SynthError>(HtmlSummaries.Error);
            Add<StoredVariable>(HtmlSummaries.Stored);
            Add<PlotlyLibrary>(p => p.ToHtml());
            Add<Charts.Figure>(ChartHtml.Embed);
            registered = true;
        }
    }

    private static void Add<T>(Func<T, string> render) =>
        Formatter.Register<T>((value, writer) => writer.Write(render(value)), MimeType);
}
