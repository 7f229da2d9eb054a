using System.Text.Json.Serialization;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>How one column is generated: its marginal (quantiles or category frequencies), its missing rate, and its copula dimension.</summary>
internal sealed record CopulaColumn
{
    public required string Name { get; init; }
    public required ColumnKind Kind { get; init; }
    public required string Storage { get; init; }
    /// <summary>Share of rows sampled as missing.</summary>
    public double MissingRate { get; init; }
    /// <summary>Index into the correlation matrix, or −1 when the column is constant, single-category, an identifier or has no values.</summary>
    public int Dimension { get; init; } = -1;

    /// <summary>Numeric columns: the quantile function (dates as ticks).</summary>
    public double[]? Quantiles { get; init; }
    /// <summary>Numeric columns: values are rounded to multiples of this (1 for integers, a day/hour/minute/second for dates; 0 = none).</summary>
    public double Step { get; init; }
    /// <summary>Datetime columns: the DateTimeKind of the training values.</summary>
    public DateTimeKind DateKind { get; init; }
    /// <summary>The parametric fit behind <see cref="Quantiles"/>, when one was chosen ("empirical" otherwise).</summary>
    public string Marginal { get; init; } = "empirical";
    public FittedDistribution? Distribution { get; init; }

    /// <summary>Categorical and boolean columns: category keys, most frequent first, and their frequencies.</summary>
    public string[]? Categories { get; init; }
    public double[]? Frequencies { get; init; }

    /// <summary>Identifier columns: the fitted id style (IdentifierTransform JSON).</summary>
    public JsonObject? Identifier { get; init; }

    [JsonIgnore] public bool IsNumeric => Quantiles is not null;
    [JsonIgnore] public bool IsCategorical => Categories is not null;
}

/// <summary>Everything a fitted copula (or independent-marginals) model needs to sample; the model file payload.</summary>
internal sealed record CopulaState
{
    public required CopulaColumn[] Columns { get; init; }
    /// <summary>Correlation of the normal scores of the modelled columns (row-major, Dimensions²).</summary>
    public required double[] Correlation { get; init; }
    public required int Dimensions { get; init; }
    public required string Domain { get; init; }
    public required int Seed { get; init; }

    public double[,] CorrelationMatrix()
    {
        var m = new double[Dimensions, Dimensions];
        for (int i = 0; i < Dimensions; i++)
            for (int j = 0; j < Dimensions; j++) m[i, j] = Correlation[i * Dimensions + j];
        return m;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FittedDistributionConverter() },
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static CopulaState FromBytes(byte[] payload)
    {
        try
        {
            var state = JsonSerializer.Deserialize<CopulaState>(payload, Json) ?? throw new SynthException("The model file's payload is empty.");
            if (state.Correlation.Length != state.Dimensions * state.Dimensions)
                throw new SynthException("The model file's correlation matrix has the wrong size.");
            return state;
        }
        catch (JsonException e)
        {
            throw new SynthException($"The model file's payload is damaged: {e.Message}", e);
        }
    }

    /// <summary>Stores a fitted distribution as its family name and parameters.</summary>
    private sealed class FittedDistributionConverter : JsonConverter<FittedDistribution>
    {
        public override FittedDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader)!.AsObject();
            var family = Enum.Parse<DistributionFamily>((string)node["family"]!, ignoreCase: true);
            var parameters = node["parameters"]!.AsObject().ToDictionary(p => p.Key, p => (double)p.Value!);
            return new FittedDistribution(family, parameters);
        }

        public override void Write(Utf8JsonWriter writer, FittedDistribution value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("family", value.Family.ToString());
            writer.WriteStartObject("parameters");
            foreach (var (k, v) in value.Parameters) writer.WriteNumber(k, v);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
