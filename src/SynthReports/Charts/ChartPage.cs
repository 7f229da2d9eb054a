namespace SynthReports.Charts;

/// <summary>
/// Charts shown together (what <c>synth plot</c> makes): a title, a sentence on how they were made, and the charts.
/// A notebook displays it with the page's plotly.js; the console writes it as a standalone HTML file (<see cref="ChartPageHtml"/>).
/// </summary>
public sealed record ChartPage(string Title, string Description, IReadOnlyList<Figure> Charts);
