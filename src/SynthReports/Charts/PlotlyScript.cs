namespace SynthReports.Charts;

/// <summary>
/// plotly.js itself: the minified bundle embedded in this assembly at build time (from the Plotly.Blazor
/// package's static web assets; see the project file), for pages that must work offline.
/// </summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Source = new(Read);

    /// <summary>The plotly.js version embedded.</summary>
    public const string Version = "3.7.0";

    /// <summary>The minified plotly.js source.</summary>
    public static string MinifiedJs => Source.Value;

    /// <summary>A &lt;script&gt; element holding plotly.js itself (no src, no network); include it once per page.</summary>
    public static string InlineScriptTag => "<script type=\"text/javascript\" charset=\"utf-8\">" + Source.Value + "</script>";

    private static string Read()
    {
        const string name = "plotly.min.js";
        using var stream = typeof(PlotlyScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SynthReports has no embedded resource '{name}'; the build should have embedded plotly.js.");
        using var reader = new StreamReader(stream);
        string source = reader.ReadToEnd();
        if (!source.Contains("plotly.js v" + Version, StringComparison.Ordinal))
            throw new InvalidOperationException($"The embedded plotly.js is not version {Version}.");
        // "</script>" inside the library would end an inline element early.
        return source.Replace("</script>", "<\\/script>", StringComparison.OrdinalIgnoreCase);
    }
}
