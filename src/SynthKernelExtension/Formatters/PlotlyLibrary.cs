using Plotly.NET;
using SynthKernelExtension.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// plotly.js as one inline <c>&lt;script&gt;</c>: the copy Plotly.NET embeds in its assembly
/// (<see cref="PlotlyScript"/>, what its <c>PlotlyJSReference.Full</c> option inlines), so notebooks draw
/// charts without a CDN.
/// Shown once per page (<see cref="Notebook.NotebookPage"/>); charts then use the global <c>Plotly</c>.
/// </summary>
public sealed class PlotlyLibrary
{
    public static PlotlyLibrary Instance { get; } = new();

    private readonly Lazy<string> script = new(Load);

    private PlotlyLibrary()
    {
    }

    /// <summary>The plotly.js version Plotly.NET ships.</summary>
    public static string Version => Globals.PLOTLYJS_VERSION;

    /// <summary>The minified plotly.js source.</summary>
    public string Script => script.Value;

    public string ToHtml() =>
        $"<div class=\"synth-plotly-js\" data-plotly-version=\"{Version}\" style=\"display:none\"></div><script type=\"text/javascript\">{Script}</script>";

    // "</script>" inside the library would end the inline element early.
    private static string Load() => PlotlyScript.MinifiedJs.Replace("</script>", "<\\/script>", StringComparison.OrdinalIgnoreCase);
}
