namespace SynthCore.Persistence;

/// <summary>What a model file says about itself before its payload.</summary>
/// <param name="Model">The registry name of the model.</param>
/// <param name="Metadata">The schema of the table the model was fitted on.</param>
/// <param name="Options">The model's options, as JSON (for display and to rebuild the model).</param>
/// <param name="LibraryVersion">The SynthCore version that wrote the file.</param>
/// <param name="CreatedUtc">When the file was written.</param>
public sealed record ModelFileHeader(string Model, TableMetadata Metadata, JsonObject Options, string LibraryVersion, DateTime CreatedUtc);

/// <summary>A model file read back: its header and the model's own payload bytes.</summary>
public sealed record ModelFileContent(ModelFileHeader Header, byte[] Payload);

/// <summary>
/// The versioned container every fitted model is saved in: a magic number, the format version,
/// a JSON header (model name, schema, options) and the model's payload, each length-prefixed,
/// with a checksum over all of it. Nothing in it names a .NET type: loading dispatches on the
/// model name through the registry, so a file cannot make the loader build arbitrary types.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest model file accepted on load.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024 - 1;

    /// <summary>The largest JSON header accepted: a schema of a million columns fits well within it.</summary>
    public const int MaxHeaderBytes = 256 << 20;

    private static readonly byte[] Magic = "SYNTHNB\n"u8.ToArray();

    public static void Write(Stream stream, ModelFileHeader header, byte[] payload)
    {
        var json = new JsonObject
        {
            ["model"] = header.Model,
            ["library_version"] = header.LibraryVersion,
            ["created_utc"] = header.CreatedUtc.ToString("O"),
            ["options"] = header.Options.DeepClone(),
            ["metadata"] = JsonNode.Parse(header.Metadata.ToJson()),
        };
        byte[] headerBytes = Encoding.UTF8.GetBytes(json.ToJsonString());

        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(headerBytes.Length);
            writer.Write(headerBytes);
            writer.Write((long)payload.Length);
            writer.Write(payload);
        }
        byte[] all = body.ToArray();
        stream.Write(all);
        stream.Write(System.Security.Cryptography.SHA256.HashData(all));
    }

    /// <summary>Writes a model file for <paramref name="model"/> with the payload it produces.</summary>
    public static void Write(Stream stream, string model, TableMetadata metadata, object options, byte[] payload) =>
        Write(stream, new ModelFileHeader(model, metadata, OptionsToJson(options), LibraryVersion, DateTime.UtcNow), payload);

    /// <exception cref="SynthException">Not a model file, truncated or altered, too large, or another format version.</exception>
    public static ModelFileContent Read(Stream stream)
    {
        if (stream.CanSeek) Resources.ResourceGuard.Current.EnsureModelFileFits(stream.Length - stream.Position);
        byte[] all;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                    throw new SynthException($"The model file is larger than {MaxBytes:N0} bytes; refusing to load it.");
                buffer.Write(chunk, 0, read);
            }
            all = buffer.ToArray();
        }

        if (all.Length < Magic.Length + 4 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new SynthException("This is not a SynthNotebooks model file.");
        int version = BitConverter.ToInt32(all, Magic.Length);
        if (version != FormatVersion)
            throw new SynthException($"The model file has format version {version}; this SynthNotebooks ({LibraryVersion}) reads version {FormatVersion}. Fit the model again with this version.");
        if (all.Length < 32 + Magic.Length + 4)
            throw new SynthException("The model file is truncated.");

        var body = all.AsSpan(0, all.Length - 32);
        if (!System.Security.Cryptography.SHA256.HashData(body).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
            throw new SynthException("The model file is truncated or has been altered (checksum mismatch).");

        try
        {
            // The lengths are checked against the bytes that are there before anything is allocated for them: a
            // file with a valid checksum can still claim a negative or 2 GiB header or payload.
            int offset = Magic.Length + 4;
            int headerLength = Length(body, ref offset, 4, "header", Math.Min(MaxHeaderBytes, body.Length - offset - 4 - 8));
            var json = JsonNode.Parse(body.Slice(offset, headerLength))!.AsObject();
            offset += headerLength;
            long payloadLength = Length(body, ref offset, 8, "payload", body.Length - offset - 8);
            if (payloadLength != body.Length - offset)
                throw new SynthException($"The model file is damaged: its payload is {payloadLength:N0} bytes, but {body.Length - offset:N0} follow the header.");
            byte[] payload = body.Slice(offset).ToArray();

            var header = new ModelFileHeader(
                (string?)json["model"] ?? throw new SynthException("The model file names no model."),
                TableMetadata.FromJson(json["metadata"]!.ToJsonString()),
                json["options"]?.AsObject().DeepClone().AsObject() ?? new JsonObject(),
                (string?)json["library_version"] ?? "unknown",
                DateTime.Parse((string?)json["created_utc"] ?? "2000-01-01", null, System.Globalization.DateTimeStyles.RoundtripKind));
            return new ModelFileContent(header, payload);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or InvalidOperationException or OverflowException or FormatException or NullReferenceException)
        {
            throw new SynthException($"The model file is damaged: {e.Message}", e);
        }
    }

    /// <summary>Reads a length field of <paramref name="size"/> bytes at <paramref name="offset"/> (advancing it) and checks it is 0 to <paramref name="max"/>.</summary>
    private static int Length(ReadOnlySpan<byte> body, ref int offset, int size, string part, long max)
    {
        if (offset + size > body.Length) throw new SynthException("The model file is truncated.");
        long length = size == 4 ? BitConverter.ToInt32(body.Slice(offset, 4)) : BitConverter.ToInt64(body.Slice(offset, 8));
        offset += size;
        if (length < 0 || length > max)
            throw new SynthException($"The model file is damaged: its {part} length {length:N0} is {(length < 0 ? "negative" : $"more than the {Math.Max(0, max):N0} bytes there are")}.");
        return (int)length;
    }

    /// <summary>The options record as JSON (snake_case), for the header.</summary>
    public static JsonObject OptionsToJson(object options) =>
        JsonSerializer.SerializeToNode(options, options.GetType(), JsonOptions)!.AsObject();

    /// <summary>
    /// Reads an options record back from the header. A thread count above this machine's processors
    /// is lowered to them first: it says how the maker's machine ran, not what the model is, and a
    /// model made on a larger machine must load on a smaller one (the options' own checks, the
    /// command line's, then hold it to 1 … processors). Other thread counts give other rows, as on
    /// the command line.
    /// </summary>
    /// <exception cref="SynthException">The options are empty or do not fit the record (a damaged or hand-edited file).</exception>
    public static T OptionsFromJson<T>(JsonObject json)
    {
        try
        {
            if (json["threads"] is JsonValue threads && threads.TryGetValue(out long count) && count > Environment.ProcessorCount)
            {
                json = (JsonObject)json.DeepClone();
                json["threads"] = Environment.ProcessorCount;
            }
            return json.Deserialize<T>(JsonOptions) ?? throw new SynthException("The model file's options are empty.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SynthException($"The model file's options are damaged: {e.Message}", e);
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The SynthCore version written into model files.</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
