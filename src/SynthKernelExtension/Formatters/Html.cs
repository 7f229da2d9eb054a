using System.Globalization;
using System.Net;

namespace SynthKernelExtension.Formatters;

/// <summary>Small helpers for the HTML the formatters write: encoding, invariant numbers, tables.</summary>
internal static class Html
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double value, string format = "0.####") =>
        double.IsFinite(value) ? value.ToString(format, Invariant) : value.ToString(Invariant);

    public static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", Invariant) : t.ToString(@"mm\:ss", Invariant);

    /// <summary>A table with a header row; cells are encoded.</summary>
    public static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string cssClass = "synth-table")
    {
        html.Append("<table class=\"").Append(cssClass).Append("\"><thead><tr>");
        foreach (var h in headers) html.Append("<th>").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }
}
