using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// Model files of the statistical models: the header holds the options record and the schema
/// (via <see cref="ModelFile"/>); the payload starts with a tag naming the model and layout, then
/// the column layout as JSON, then the model's own numbers in binary.
/// </summary>
internal static class StatPayload
{
    public static void Save<TOptions>(Stream stream, string model, StatSchema schema, TOptions options, Action<BinaryWriter> writeModel)
        where TOptions : notnull
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Tag(model));
            writer.Write(schema.ToJson().ToJsonString());
            writeModel(writer);
        }
        ModelFile.Write(stream, model, schema.Metadata, options, payload.ToArray());
    }

    /// <summary>Checks the header names <paramref name="model"/>, reads and validates its options, restores the schema and hands the rest to <paramref name="readModel"/>.</summary>
    /// <exception cref="SynthException">Another model's file, bad options, or a damaged payload.</exception>
    public static T Load<TOptions, T>(ModelFileContent content, string model, Action<TOptions> validate, Func<TOptions, StatSchema, BinaryReader, T> readModel)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Header.Model != model)
            throw new SynthException($"The model file holds a '{content.Header.Model}' model, not a '{model}' one.");
        var options = ModelFile.OptionsFromJson<TOptions>(content.Header.Options);
        validate(options);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.Payload, writable: false), Encoding.UTF8);
            if (reader.ReadString() != Tag(model))
                throw new SynthException($"The model file's payload is not a '{model}' payload of a layout this version reads.");
            var schemaJson = JsonNode.Parse(reader.ReadString()) as JsonObject ?? throw new SynthException($"The '{model}' model file holds no column layout.");
            var schema = StatSchema.FromJson(schemaJson, content.Header.Metadata);
            var result = readModel(options, schema, reader);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
                throw new SynthException($"The '{model}' model file has unexpected bytes after the model.");
            return result;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException or FormatException or OverflowException or IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            throw new SynthException($"The '{model}' model file is damaged: {e.Message}", e);
        }
    }

    private static string Tag(string model) => $"{model}-payload/1";

    public static void WriteArray(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (double x in values) writer.Write(x);
    }

    public static double[] ReadArray(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length / 8 + 1) throw new SynthException("The model file has an array of impossible length.");
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = reader.ReadDouble();
        return values;
    }

    /// <summary>The training rows, column by column (the models that sample around the rows themselves keep them).</summary>
    public static void WriteColumns(BinaryWriter writer, double[][] columns)
    {
        writer.Write(columns.Length);
        foreach (var column in columns) WriteArray(writer, column);
    }

    /// <summary>What <see cref="WriteColumns"/> wrote: one column per schema column, all of one length; <paramref name="model"/> names the model in errors.</summary>
    public static double[][] ReadColumns(BinaryReader reader, StatSchema schema, string model)
    {
        int count = reader.ReadInt32();
        if (count != schema.Columns.Count) throw new SynthException($"The {model} model file's rows do not match its columns.");
        var columns = new double[count][];
        for (int c = 0; c < count; c++) columns[c] = ReadArray(reader);
        if (columns.Any(d => d.Length != columns[0].Length)) throw new SynthException($"The {model} model file's columns have different lengths.");
        return columns;
    }
}
