using Plotly.NET;

namespace SynthKernelExtension.Charts;

/// <summary>
/// The plotly.js that Plotly.NET ships as an embedded resource (what its PlotlyJSReference.Full inlines),
/// for pages that hold several charts but must load plotly.js once and work offline.
/// </summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Source = new(Read);

    /// <summary>The plotly.js version Plotly.NET was built with.</summary>
    public static string Version => Globals.PLOTLYJS_VERSION;

    /// <summary>The minified plotly.js source.</summary>
    public static string MinifiedJs => Source.Value;

    /// <summary>A &lt;script&gt; element holding plotly.js itself (no src, no network).</summary>
    public static string InlineScriptTag => "<script type=\"text/javascript\" charset=\"utf-8\">" + Source.Value + "</script>";

    private static string Read()
    {
        string name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET has no embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
