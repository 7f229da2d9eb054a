using SynthKernelExtension.Formatters;

namespace SynthKernelExtension.Notebook;

/// <summary>
/// What is shared by all the commands of one notebook (one kernel): whether plotly.js is already
/// on the page. Charts are drawn with the global <c>Plotly</c>, which is inlined once, from
/// Plotly.NET's embedded copy, in its own display before the first chart (no CDN: notebooks work offline).
/// </summary>
public sealed class NotebookPage
{
    public bool PlotlyIncluded { get; private set; }

    public void EnsurePlotly(INotebookKernel kernel)
    {
        if (PlotlyIncluded) return;
        kernel.Display(PlotlyLibrary.Instance, "text/html");
        PlotlyIncluded = true;
    }
}
