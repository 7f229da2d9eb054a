using System.Text.Json.Nodes;
using SynthReports.Charts;

namespace SynthReports.Tests.Charts;

/// <summary>A chart's plotly.js JSON read back: its traces, to check their number, types and names.</summary>
internal static class ChartTraces
{
    public static JsonArray Of(Figure chart) => JsonNode.Parse(chart.ToJson())!["data"]!.AsArray();

    public static string[] Names(Figure chart) => Of(chart).Select(t => (string)t!["name"]!).ToArray();

    public static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();
}
