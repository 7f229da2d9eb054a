using System.Globalization;
using SynthCore.Data;
using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>Reads the model-specific <c>--option key=value</c> pairs every sequence model shares, and typed values.</summary>
internal static class SequenceOptionParser
{
    /// <summary>The shared keys: how the table becomes sequences.</summary>
    public static readonly IReadOnlyDictionary<string, Func<SequenceDataOptions, string, SequenceDataOptions>> DataOptions =
        new Dictionary<string, Func<SequenceDataOptions, string, SequenceDataOptions>>(StringComparer.OrdinalIgnoreCase)
        {
            ["seq-len"] = (o, v) => o with { SequenceLength = Int("seq-len", v) },
            ["stride"] = (o, v) => o with { Stride = Int("stride", v) },
            ["time-column"] = (o, v) => o with { TimeColumn = v },
            ["id-column"] = (o, v) => o with { IdColumn = v },
            ["features"] = (o, v) => o with { Features = v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) },
            ["irregular"] = (o, v) => o with { AllowIrregular = Bool("irregular", v) },
            ["static"] = (o, v) => o with { Static = v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) },
        };

    /// <summary>Applies each extra option through <paramref name="modelOptions"/> or the shared data options; unknown keys list the allowed ones.</summary>
    public static T Apply<T>(T options, IReadOnlyDictionary<string, string> extra, string model,
        IReadOnlyDictionary<string, Func<T, string, T>> modelOptions, Func<T, SequenceDataOptions> data, Func<T, SequenceDataOptions, T> withData)
    {
        foreach (var (key, value) in extra)
        {
            if (modelOptions.TryGetValue(key, out var apply)) options = apply(options, value);
            else if (DataOptions.TryGetValue(key, out var applyData)) options = withData(options, applyData(data(options), value));
            else
                throw new SynthOptionException(key, $"is not an option of the '{model}' model. Allowed: "
                    + string.Join(", ", modelOptions.Keys.Concat(DataOptions.Keys).Order(StringComparer.Ordinal)) + ".");
        }
        return options;
    }

    public static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int result)
            ? result
            : throw new SynthOptionException(name, $"expects a whole number, got '{value}'.");

    public static double Real(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) && double.IsFinite(result)
            ? result
            : throw new SynthOptionException(name, $"expects a number, got '{value}'.");

    public static bool Bool(string name, string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new SynthOptionException(name, $"expects true or false, got '{value}'."),
    };

    /// <summary>Only TimeGAN models static columns: the others say so rather than drop them.</summary>
    public static void RejectStatic(SequenceDataOptions data, string model)
    {
        if (data.Static is not null)
            throw new SynthOptionException("static", $"static (per-entity) columns are modelled by the 'timegan' model only; the '{model}' model would drop them.");
    }

    /// <summary>Checks a sample request the sequence models share.</summary>
    public static void CheckSampleRequest(int count, Synthesizers.SampleConditions? conditions, string model, TableMetadata? metadata = null)
    {
        if (count < 1) throw new SynthOptionException("rows", $"must be at least 1 sequence (got {count}).");
        // An unknown column is named first, as for every model; known ones are refused next.
        if (metadata is not null) conditions?.Validate(metadata);
        if (conditions is not null && conditions.All.Count > 0)
            throw new SynthOptionException("conditions", $"the '{model}' sequence model does not support conditional sampling.");
    }
}
