using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SynthCommands;

/// <summary>The machine-readable summaries of --json: snake_case, enums as strings, written safely.</summary>
internal static class JsonSummary
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    /// <summary>A number, or null where it is missing or not finite (JSON has no NaN).</summary>
    public static JsonNode? Number(double? value) => value is double v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    public static void Write(string path, JsonObject summary, bool overwrite) =>
        SafeFile.Write(path, overwrite, "--json", stream => stream.Write(Encoding.UTF8.GetBytes(summary.ToJsonString(Options) + "\n")));
}
