using System.Text.Json;
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

    private static readonly JsonSerializerOptions NamedFloats = new(Options) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>As <see cref="ToNode{T}"/>, with every figure that is not finite (NaN, ±∞) written as null: JSON has no NaN.</summary>
    public static JsonNode? ToFiniteNode<T>(T value) => NullNonFinite(JsonSerializer.SerializeToNode(value, NamedFloats));

    private static JsonNode? NullNonFinite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToArray()) o[key] = NullNonFinite(o[key]?.DeepClone());
                return o;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++) a[i] = NullNonFinite(a[i]?.DeepClone());
                return a;
            case JsonValue v when v.TryGetValue(out string? text) && text is "NaN" or "Infinity" or "-Infinity":
                return null;
            default:
                return node;
        }
    }

    /// <summary>A number, or null where it is missing or not finite (JSON has no NaN).</summary>
    public static JsonNode? Number(double? value) => value is double v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    /// <summary>A summary that starts with the file written (output_csv, rows, columns, bytes), then <paramref name="rest"/>'s entries in their order.</summary>
    public static JsonObject OfExport(SynthCore.Export.ExportResult export, JsonObject rest)
    {
        var summary = new JsonObject { ["output_csv"] = export.Path, ["rows"] = export.Rows, ["columns"] = export.Columns, ["bytes"] = export.Bytes };
        return Append(summary, rest);
    }

    /// <summary>Moves <paramref name="source"/>'s entries, in their order, to the end of <paramref name="target"/> (a node has one parent).</summary>
    public static JsonObject Append(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToArray())
        {
            source.Remove(key);
            target[key] = value;
        }
        return target;
    }

    public static void Write(string path, JsonObject summary, bool overwrite) =>
        SafeFile.Write(path, overwrite, "--json", stream => stream.Write(Encoding.UTF8.GetBytes(summary.ToJsonString(Options) + "\n")));
}
