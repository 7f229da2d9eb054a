using SynthCore.Evaluation.Scorecards;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using SynthCommands;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Synthesizers;
using SynthKernelExtension.Notebook;
using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>Registers the notebook's HTML formatters for everything SynthNotebooks shows.</summary>
public static class SynthFormatters
{
    public const string MimeType = "text/html";

    private static readonly object Gate = new();

    /// <summary>
    /// Registers every formatter. The newest registration for a type wins, so each call (each load of the
    /// extension) puts ours back in front of any registered since, such as the DataFrame formatter that
    /// Microsoft.Data.Analysis's own kernel extension registers whenever it loads.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            Add<TrainingView>(TrainingHtml.Render);
            Add<IFittedSynthesizer>(HtmlSummaries.FittedModel);
            Add<TableMetadata>(HtmlSummaries.Metadata);
            Add<TableDescription>(HtmlSummaries.Description);
            Add<TableComparison>(HtmlSummaries.Comparison);
            Add<TableEvaluation>(EvaluationHtml.Render);
            Add<SynthCore.Evaluation.Scorecards.ModelRanking>(ComparisonHtml.Render);
            Add<SynthCore.Evaluation.Reports.QualityReport>(ReportHtml.Quality);
            Add<SynthCore.Evaluation.Reports.DiagnosticReport>(ReportHtml.Diagnostic);
            Add<SynthCore.Evaluation.Privacy.PrivacyReport>(ReportHtml.Privacy);
            Add<ChartPage>(ChartPageView.Render);
            // Anonymization results as the console prints them, kept monospace.
            Add<AnonymizationSummary>(a => HtmlSummaries.Preformatted("synth-anonymization", TextRendering.Render(a)));
            Add<ForecastSummary>(f => HtmlSummaries.Preformatted("synth-forecast", TextRendering.Render(f)));
            Add<DistributionFits>(f => HtmlSummaries.Preformatted("synth-distributions", TextRendering.Render(f)));
            Add<PerturbationSummary>(p => HtmlSummaries.Preformatted("synth-perturbation", TextRendering.Render(p)));
            Add<ModelList>(HtmlSummaries.Models);
            Add<DataFrame>(HtmlSummaries.DataFramePreview);
            Add<SynthMessage>(HtmlSummaries.Message);
            Add<SynthError>(HtmlSummaries.Error);
            Add<StoredVariable>(HtmlSummaries.Stored);
            Add<PlotlyLibrary>(p => p.ToHtml());
            Add<Figure>(ChartHtml.Embed);
        }
    }

    private static void Add<T>(Func<T, string> render) =>
        Formatter.Register<T>((value, writer) => writer.Write(render(value)), MimeType);
}
