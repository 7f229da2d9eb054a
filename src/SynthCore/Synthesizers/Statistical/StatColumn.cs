using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>How one column is held by the statistical models: as a number, a category code, or a regenerated identifier.</summary>
internal enum StatRole { Numeric, Categorical, Identifier }

/// <summary>
/// One column as the statistical models see it. Numbers stay in their own units (ticks for
/// dates) in double precision, so models that copy real values (CART, SMOTE endpoints) return
/// them exactly; categories are codes into <see cref="Categories"/>. Missing is NaN in both.
/// </summary>
internal sealed class StatColumn
{
    public required string Name { get; init; }
    public required ColumnKind Kind { get; init; }
    public required ColumnStorage Storage { get; init; }

    public StatRole Role => Kind switch
    {
        ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime => StatRole.Numeric,
        ColumnKind.Categorical or ColumnKind.Boolean => StatRole.Categorical,
        _ => StatRole.Identifier,
    };

    /// <summary>Numeric: smallest and largest observed value; samples are kept inside.</summary>
    public double Min { get; init; }
    public double Max { get; init; }
    /// <summary>Numeric: mean and population deviation of the observed values (deviation 1 for a constant column), for scaling.</summary>
    public double Mean { get; init; }
    public double Deviation { get; init; } = 1;
    /// <summary>Numeric: whether every observed value is the same.</summary>
    public bool IsConstant => Role == StatRole.Numeric && Min == Max;
    /// <summary>Dates: the unit (ticks) every observed date was a whole multiple of; samples are rounded to it.</summary>
    public long DateUnit { get; init; }
    public DateTimeKind DateKind { get; init; }

    /// <summary>Categorical: the categories as invariant keys, in natural order; a code is an index into this.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Identifier: regenerates ids in the fitted style.</summary>
    public IdentifierTransform? Identifier { get; init; }

    /// <summary>Share of rows with no value when fitted.</summary>
    public double MissingFraction { get; init; }

    /// <summary>A modelled number put back into the column's range and grain: clipped, integers rounded, dates rounded to their unit.</summary>
    public double Finish(double x)
    {
        x = Math.Clamp(x, Min, Max);
        if (Kind == ColumnKind.Integer) x = Math.Round(x, MidpointRounding.AwayFromZero);
        if (DateUnit > 1) x = Math.Clamp(Math.Round(x / DateUnit, MidpointRounding.AwayFromZero) * DateUnit, Min, Max);
        return x;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["kind"] = ColumnValueCodec.KindName(Kind),
            ["storage"] = Storage.ToJsonName(),
            ["min"] = Min,
            ["max"] = Max,
            ["mean"] = Mean,
            ["deviation"] = Deviation,
            ["date_unit"] = DateUnit,
            ["date_kind"] = DateKind.ToString(),
            ["missing_fraction"] = MissingFraction,
            ["categories"] = new JsonArray(Categories.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
        };
        if (Identifier is not null) json["identifier"] = Identifier.ToJson();
        return json;
    }

    public static StatColumn FromJson(JsonObject json)
    {
        string name = JsonFields.Get<string>(json, "name");
        var kind = JsonFields.Kind(json);
        var column = new StatColumn
        {
            Name = name,
            Kind = kind,
            Storage = ColumnStorageExtensions.ParseStorage(JsonFields.Get<string>(json, "storage")),
            Min = JsonFields.Get<double>(json, "min"),
            Max = JsonFields.Get<double>(json, "max"),
            Mean = JsonFields.Get<double>(json, "mean"),
            Deviation = JsonFields.Get<double>(json, "deviation"),
            DateUnit = JsonFields.Get<long>(json, "date_unit"),
            DateKind = Enum.TryParse<DateTimeKind>(JsonFields.Get<string>(json, "date_kind"), out var k) ? k : DateTimeKind.Unspecified,
            MissingFraction = JsonFields.Get<double>(json, "missing_fraction"),
            Categories = JsonFields.Array(json, "categories").Select(n => n?.GetValue<string>() ?? throw new SynthException($"The model file has a null category in column '{name}'.")).ToArray(),
            Identifier = json["identifier"] is JsonObject id ? IdentifierTransform.FromJson(id) : null,
        };
        if (column.Role == StatRole.Categorical && column.Categories.Count == 0)
            throw new SynthException($"The model file lists no categories for column '{name}'.");
        if (column.Role == StatRole.Identifier && column.Identifier is null)
            throw new SynthException($"The model file lacks the identifier style of column '{name}'.");
        return column;
    }
}
