using Microsoft.FSharp.Core;
using Plotly.NET;

namespace SynthKernelExtension.Formatters;

/// <summary>Charts inside notebook outputs: a div and a script drawing with the page's global Plotly.</summary>
public static class ChartHtml
{
    private static readonly DisplayOptions NoReference =
        DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference));

    /// <summary>
    /// The chart without any plotly.js reference (no CDN, no require.js): plotly.js is put on the page
    /// once (<see cref="PlotlyLibrary"/>), so an output updated every few steps stays small.
    /// </summary>
    public static string Embed(GenericChart chart) => GenericChart.toChartHTML(GenericChart.addDisplayOptions(NoReference, chart));
}
