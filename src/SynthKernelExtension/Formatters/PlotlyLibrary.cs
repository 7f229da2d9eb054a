using System.IO.Compression;
using SynthReports.Charts;

namespace SynthKernelExtension.Formatters;

/// <summary>
/// plotly.js for notebook outputs. A front end may show any output on its own (a saved notebook reopened,
/// outputs rendered lazily or isolated), so every output that holds charts carries plotly.js itself:
/// gzip-compressed and base64-encoded (about 1.9 MB rather than 4.9 MB), unpacked by the browser's
/// <c>DecompressionStream</c> and run only if the page has no <c>Plotly</c> yet, so plotly.js loads once per page.
/// Charts (<see cref="FigureHtml"/>) wait for it. No CDN: notebooks work offline.
/// </summary>
public sealed class PlotlyLibrary
{
    public static PlotlyLibrary Instance { get; } = new();

    private readonly Lazy<string> scriptTag = new(Build);

    private PlotlyLibrary()
    {
    }

    /// <summary>The plotly.js version carried.</summary>
    public static string Version => PlotlyScript.Version;

    /// <summary>The loader: a &lt;script&gt; that unpacks and runs plotly.js unless the page has it already.</summary>
    public string ScriptTag => scriptTag.Value;

    public string ToHtml() => ScriptTag;

    private static string Build()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
            writer.Write(PlotlyScript.MinifiedJs);
        string base64 = Convert.ToBase64String(packed.ToArray());
        // The UMD wrapper of plotly.js exports to `module` when the page has one (require.js, bundlers); the
        // parameters hide those so that it always sets window.Plotly.
        return "<script type=\"text/javascript\" class=\"synth-plotly-js\" data-plotly-version=\"" + Version + "\">(function () {"
            + "if (window.Plotly || window.synthPlotly) return;"
            + "var packed = \"" + base64 + "\";"
            + "window.synthPlotly = (async function () {"
            + "var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });"
            + "var text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();"
            + "var script = document.createElement('script');"
            + "script.text = '(function (module, exports, define) {\\n' + text + '\\n}).call(window);';"
            + "document.head.appendChild(script);"
            + "return window.Plotly;"
            + "})();"
            + "})();</script>";
    }
}
