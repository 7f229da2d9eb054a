namespace SynthCore.Transforms;

/// <summary>Reads fields of saved transforms, failing with a message that names the field.</summary>
internal static class JsonFields
{
    public static JsonNode Node(JsonObject json, string name) =>
        json[name] ?? throw new SynthException($"The saved transform lacks '{name}'.");

    public static T Get<T>(JsonObject json, string name)
    {
        try { return Node(json, name).GetValue<T>(); }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new SynthException($"The saved transform has an invalid '{name}'.", e);
        }
    }

    public static JsonArray Array(JsonObject json, string name) =>
        Node(json, name) as JsonArray ?? throw new SynthException($"The saved transform has an invalid '{name}'.");

    public static ColumnKind Kind(JsonObject json) =>
        Enum.TryParse<ColumnKind>(Get<string>(json, "kind"), ignoreCase: true, out var k) && Enum.IsDefined(k)
            ? k
            : throw new SynthException($"The saved transform has an unknown kind '{Get<string>(json, "kind")}'.");
}
