using System.Text.Json.Nodes;
using Plotly.NET;

namespace SynthKernelExtension.Tests.Charts;

/// <summary>A chart's plotly.js JSON read back: its traces, to check their number, types and names.</summary>
internal static class ChartTraces
{
    public static JsonArray Of(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!["data"]!.AsArray();

    public static string[] Names(GenericChart chart) => Of(chart).Select(t => (string)t!["name"]!).ToArray();

    public static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();
}
