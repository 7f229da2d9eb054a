using System.Reflection;
using Plotly.NET;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// plotly.js as one inline <c>&lt;script&gt;</c>, read from the copy Plotly.NET embeds in its
/// assembly (resource <c>Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js</c>, the one its
/// <c>PlotlyJSReference.Full</c> option inlines), so notebooks draw charts without a CDN.
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

    private static string Load()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET {assembly.GetName().Version} has no embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        // "</script>" inside the library would end the inline element early.
        return reader.ReadToEnd().Replace("</script>", "<\\/script>", StringComparison.OrdinalIgnoreCase);
    }
}
