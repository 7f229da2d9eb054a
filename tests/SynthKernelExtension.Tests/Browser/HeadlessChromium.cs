using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SynthKernelExtension.Tests.Browser;

/// <summary>
/// What headless Chromium saw of a page once its scripts had run. <see cref="DrawnPlots"/>: plotly.js plots that
/// drew (a <c>js-plotly-plot</c> element holding a <c>main-svg</c>); <see cref="ChartDivs"/>: our
/// <c>synth-chart</c> divs, drawn or not; <see cref="JavaScriptErrors"/>: uncaught errors, unhandled promise
/// rejections, <c>console.error</c> calls and blocked requests; <see cref="Dom"/>: the serialized DOM.
/// </summary>
internal sealed record PageCheck(int DrawnPlots, int ChartDivs, IReadOnlyList<string> JavaScriptErrors, string Dom)
{
    /// <summary>plotly.js's <c>main-svg</c> layers (3 per cartesian plot in plotly.js 3.7).</summary>
    public int MainSvgs { get; init; }
}

/// <summary>
/// Opens a standalone HTML file in headless Chromium (Debian package <c>chromium</c>) and reports whether its
/// plotly.js charts drew. Two command-line runs, no driver: <c>--dump-dom</c> for the DOM after the scripts ran,
/// and, when asked, <c>--screenshot</c>. <c>--virtual-time-budget</c> lets the page's asynchronous work (plotly.js
/// unpacked through <c>DecompressionStream</c>, charts drawn when it resolves) finish before the dump, and
/// fast-forwards timers, so a chart polling for a plotly.js that never comes does not make the run slow.
/// </summary>
internal static partial class HeadlessChromium
{
    public const string InstallCommand = "apt-get install -y chromium";

    /// <summary>Virtual milliseconds the page gets after loading; fast-forwarded, so a few seconds of real time.</summary>
    private const int VirtualTimeBudgetMs = 20_000;

    /// <summary>Set on &lt;html&gt; by the error hook of <see cref="WrapOutput"/>: the page reports its own errors.</summary>
    private const string HookMarker = "data-js-error-hook";

    private const string ErrorClass = "js-error-note";

    /// <summary>Key of the killed run's profile folder in a <see cref="TimeoutException"/>'s Data: every process of the run names it.</summary>
    public const string UserDataDirKey = "UserDataDir";

    private static readonly Lazy<string?> BrowserPath = new(() => FindOnPath("chromium"));

    /// <summary>The browser's path; fails the test, naming the install command, when it is missing.</summary>
    public static string Browser =>
        BrowserPath.Value ?? throw new Xunit.Sdk.XunitException(
            $"Headless Chromium is needed to check that charts draw, and `chromium` is not on PATH. Install it: `{InstallCommand}` (Debian package chromium).");

    /// <summary>
    /// Loads <paramref name="htmlFile"/> (a file:// URL), lets its scripts run and reads the DOM; with
    /// <paramref name="screenshotPath"/>, also saves a PNG 1280 pixels wide. Each run gets its own fresh profile.
    /// A run that outlasts <paramref name="timeout"/> is killed with its child processes.
    /// </summary>
    public static async Task<PageCheck> OpenAsync(string htmlFile, string? screenshotPath, TimeSpan timeout)
    {
        string url = new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri;
        var (dom, log) = await RunAsync(["--enable-logging=stderr", "--v=0", "--dump-dom", url], timeout);
        if (string.IsNullOrWhiteSpace(dom))
            throw new InvalidOperationException($"Chromium printed no DOM for {url}. Its log:\n{log}");

        string markup = WithoutRawText(dom);
        var elements = StartTags().Matches(markup);
        int chartDivs = elements.Count(tag => IsElement(tag, "div", "synth-chart"));
        int mainSvgs = elements.Count(tag => IsElement(tag, "svg", "main-svg"));
        var check = new PageCheck(DrawnPlots(markup, elements), chartDivs, Errors(markup, log), dom) { MainSvgs = mainSvgs };

        if (screenshotPath is not null)
        {
            // Tall enough for every chart one below the other (plotly.js's default height is 450 pixels).
            int height = Math.Clamp(200 + 500 * Math.Max(chartDivs, check.DrawnPlots), 720, 8000);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
            await RunAsync(
                [$"--screenshot={Path.GetFullPath(screenshotPath)}", string.Create(CultureInfo.InvariantCulture, $"--window-size=1280,{height}"), url],
                timeout);
            if (!File.Exists(screenshotPath))
                throw new InvalidOperationException($"Chromium wrote no screenshot to {screenshotPath}.");
        }
        return check;
    }

    /// <summary>
    /// One output's HTML alone on a page, as a front end that isolates outputs shows it: UTF-8, nothing from the
    /// network (its Content-Security-Policy blocks any request, and the block is reported), and a first script
    /// that writes the page's errors into the DOM, where <see cref="OpenAsync"/> reads them.
    /// </summary>
    public static string WrapOutput(string outputHtml, string title) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
        + "style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">"
        + "<title>" + WebUtility.HtmlEncode(title) + "</title>"
        + ErrorHook
        + "</head><body>\n" + outputHtml + "\n</body></html>\n";

    /// <summary>
    /// Records each error as a hidden &lt;pre&gt; under &lt;html&gt; (outside the body, so the page's layout is
    /// untouched). The DOM dump shows them escaped, with their kind; Chromium's log would show uncaught errors
    /// too but not tell <c>console.error</c> from <c>console.log</c>.
    /// </summary>
    private const string ErrorHook =
        "<script>(function () {"
        + "var root = document.documentElement;"
        + "root.setAttribute('" + HookMarker + "', 'on');"
        + "function note(text) { var pre = document.createElement('pre'); pre.className = '" + ErrorClass + "'; pre.hidden = true;"
        + " pre.textContent = text; root.appendChild(pre); }"
        + "function describe(value) { return value instanceof Error ? value.name + ': ' + value.message : String(value); }"
        + "window.addEventListener('error', function (e) { note(e.message + ' (' + e.filename + ':' + e.lineno + ')'); });"
        + "window.addEventListener('unhandledrejection', function (e) { note('Uncaught (in promise) ' + describe(e.reason)); });"
        + "document.addEventListener('securitypolicyviolation', function (e) { note('Blocked ' + e.effectiveDirective + ': ' + e.blockedURI); });"
        + "var consoleError = console.error;"
        + "console.error = function () { note('console.error: ' + Array.prototype.map.call(arguments, describe).join(' ')); return consoleError.apply(console, arguments); };"
        + "})();</script>";

    private static async Task<(string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("headless-chromium-");
        try
        {
            var start = new ProcessStartInfo(Browser)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // /dev/shm is small in containers; Chromium then crashes unless it keeps shared memory in /tmp.
            foreach (string flag in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                         string.Create(CultureInfo.InvariantCulture, $"--virtual-time-budget={VirtualTimeBudgetMs}")])
                start.ArgumentList.Add(flag);
            foreach (string argument in arguments) start.ArgumentList.Add(argument);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Browser}.");
            using var deadline = new CancellationTokenSource(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await Task.WhenAll(process.WaitForExitAsync(deadline.Token), stdout, stderr).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException($"Chromium did not finish within {timeout.TotalSeconds:0.#} s and was killed with its child processes: "
                    + string.Join(' ', arguments))
                {
                    Data = { [UserDataDirKey] = profile.FullName },
                };
            }
            return (await stdout, await stderr);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A helper process still closing its files; the temp folder is cleaned by the system in time.
            }
        }
    }

    /// <summary>
    /// Plotly plots that drew: each element plotly.js marked <c>js-plotly-plot</c>, counted when a <c>main-svg</c>
    /// follows it before the next such element (plots do not nest, so that svg is the plot's own). plotly.js
    /// marks the element before drawing, so the mark alone does not prove a drawing.
    /// </summary>
    private static int DrawnPlots(string markup, MatchCollection elements)
    {
        var plots = elements.Where(tag => IsElement(tag, null, "js-plotly-plot")).Select(tag => tag.Index).ToList();
        int drawn = 0;
        for (int i = 0; i < plots.Count; i++)
        {
            int end = i + 1 < plots.Count ? plots[i + 1] : markup.Length;
            if (elements.Any(tag => tag.Index > plots[i] && tag.Index < end && IsElement(tag, "svg", "main-svg"))) drawn++;
        }
        return drawn;
    }

    /// <summary>
    /// The errors the page's hook wrote (<see cref="WrapOutput"/>); for a page without it, the uncaught errors
    /// in Chromium's log, lines such as <c>[…:INFO:CONSOLE:1] "Uncaught Error: boom", source: file:///… (1)</c>
    /// (a message may run over several lines).
    /// </summary>
    private static List<string> Errors(string markup, string log)
    {
        if (HtmlTag().Match(markup) is { Success: true } html && html.Value.Contains(HookMarker + "=\"on\"", StringComparison.Ordinal))
            return ErrorNotes().Matches(markup).Select(note => WebUtility.HtmlDecode(note.Groups["text"].Value)).ToList();
        return ConsoleLines().Matches(log)
            .Select(line => line.Groups["message"].Value)
            .Where(message => message.StartsWith("Uncaught", StringComparison.Ordinal))
            .ToList();
    }

    private static bool IsElement(Match tag, string? name, string cssClass)
    {
        if (name is not null && !tag.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase)) return false;
        var classes = ClassAttribute().Match(tag.Groups["attributes"].Value);
        return classes.Success && classes.Groups["classes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass);
    }

    /// <summary>The DOM without script and style contents (plotly.js's own source names its classes) or comments.</summary>
    private static string WithoutRawText(string dom) => RawText().Replace(dom, "");

    private static string? FindOnPath(string name)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RawText();

    // The serializer double-quotes every attribute value and escapes the quotes inside.
    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attributes>(?:\s+[^\s""'>/=]+(?:=""[^""]*"")?)*)\s*/?>")]
    private static partial Regex StartTags();

    [GeneratedRegex(@"(?:^|\s)class=""(?<classes>[^""]*)""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"<html\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"<pre\b[^>]*\bclass=""" + ErrorClass + @"""[^>]*>(?<text>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ErrorNotes();

    [GeneratedRegex(@":CONSOLE[^\]]*\] ""(?<message>.*?)"", source: [^\n]*? \(\d+\)$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ConsoleLines();
}
