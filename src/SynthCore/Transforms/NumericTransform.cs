namespace SynthCore.Transforms;

/// <summary>
/// Shared part of the numeric scalings: continuous and integer columns, and datetime columns as
/// ticks. A column that had missing values when fitted gets a second, Sigmoid output: 1 = missing
/// (the value output then holds the scaled mean); on reverse an indicator above 0.5 gives null.
/// Reverse clips to the observed [min, max] (when asked), rounds integers, and rounds dates to the
/// finest unit (day, hour, minute, second, millisecond) every fitted date was a whole multiple of.
/// </summary>
public abstract class NumericTransform : IColumnTransform
{
    private static readonly long[] DateUnits = [TimeSpan.TicksPerDay, TimeSpan.TicksPerHour, TimeSpan.TicksPerMinute, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 1];

    private protected ColumnValueCodec? codec;

    /// <param name="column">The column name.</param>
    /// <param name="kind">Continuous, Integer (reversed values rounded) or Datetime (ticks).</param>
    /// <param name="clipToObservedRange">Clip reversed values to the fitted [min, max].</param>
    /// <param name="typeName">The JSON "type" discriminator.</param>
    /// <param name="activation">The activation of the value output.</param>
    protected NumericTransform(string column, ColumnKind kind, bool clipToObservedRange, string typeName, OutputActivation activation)
    {
        if (kind is not (ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime))
            throw new SynthColumnException(column, $"a numeric transform cannot model a {ColumnValueCodec.KindName(kind)} column.");
        Column = column;
        Kind = kind;
        ClipToObservedRange = clipToObservedRange;
        this.typeName = typeName;
        this.activation = activation;
    }

    private readonly string typeName;
    private readonly OutputActivation activation;

    public string Column { get; }
    public ColumnKind Kind { get; }
    public bool ClipToObservedRange { get; }

    /// <summary>Smallest fitted value (ticks for dates).</summary>
    public double Min { get; private set; }
    /// <summary>Largest fitted value (ticks for dates).</summary>
    public double Max { get; private set; }
    /// <summary>Mean of the fitted values; stands in for missing values.</summary>
    public double Mean { get; private set; }
    /// <summary>Whether the column had missing values, and so has a missing indicator output.</summary>
    public bool HasMissingIndicator { get; private set; }
    /// <summary>For dates: the unit, in ticks, reversed dates are rounded to; 0 otherwise.</summary>
    public long DateGranularityTicks { get; private set; }

    private DateTimeKind dateKind = DateTimeKind.Unspecified;

    public int Width => HasMissingIndicator ? 2 : 1;

    public IReadOnlyList<OutputSpan> Spans => HasMissingIndicator
        ? [new OutputSpan(Column, 0, 1, activation), new OutputSpan(Column, 1, 1, OutputActivation.Sigmoid) { IsMissingIndicator = true }]
        : [new OutputSpan(Column, 0, 1, activation)];

    /// <summary>Learns the scaling's own parameters from the non-missing values.</summary>
    protected abstract void FitScale(IReadOnlyList<double> values);

    protected abstract double Scale(double x);

    protected abstract double Unscale(double y);

    protected abstract void WriteScale(JsonObject json);

    protected abstract void ReadScale(JsonObject json);

    public void Fit(DataFrameColumn c)
    {
        codec = ColumnValueCodec.CreateChecked(c, Kind);
        var values = new List<double>((int)c.Length);
        int missing = 0;
        for (long r = 0; r < c.Length; r++)
        {
            object? cell = c[r];
            if (ColumnStorageExtensions.IsMissing(cell)) { missing++; continue; }
            codec.TryToNumber(cell!, out double x);
            values.Add(x);
            if (cell is DateTime d && values.Count == 1) dateKind = d.Kind;
        }
        if (values.Count == 0) throw new SynthColumnException(Column, "has only missing values; drop it or fill it in.");

        Min = values.Min();
        Max = values.Max();
        Mean = values.Average();
        HasMissingIndicator = missing > 0;
        DateGranularityTicks = Kind == ColumnKind.Datetime
            ? DateUnits.First(unit => values.All(x => (long)x % unit == 0))
            : 0;
        FitScale(values);
    }

    private ColumnValueCodec Fitted => codec ?? throw new InvalidOperationException($"The transform of column '{Column}' is not fitted.");

    public void Transform(DataFrameColumn c, Span<float> dest, int stride, int offset)
    {
        var fitted = Fitted;
        CheckStorage(c, fitted.Storage);
        for (int r = 0; r < c.Length; r++)
        {
            object? cell = c[r];
            int at = r * stride + offset;
            if (ColumnStorageExtensions.IsMissing(cell))
            {
                if (!HasMissingIndicator)
                    throw new SynthColumnException(Column, $"row {r + 1} has no value, but the column had no missing values when the transform was fitted.");
                dest[at] = (float)Scale(Mean);
                dest[at + 1] = 1;
                continue;
            }
            if (!fitted.TryToNumber(cell!, out double x))
                throw new SynthColumnException(Column, $"row {r + 1} has '{ColumnValueCodec.FormatCell(cell!)}', which is not a {(Kind == ColumnKind.Datetime ? "date" : "number")}.");
            dest[at] = (float)Scale(x);
            if (HasMissingIndicator) dest[at + 1] = 0;
        }
    }

    public DataFrameColumn Reverse(ReadOnlySpan<float> src, int rows, int stride, int offset)
    {
        var fitted = Fitted;
        var values = new object?[rows];
        for (int r = 0; r < rows; r++)
        {
            int at = r * stride + offset;
            if (HasMissingIndicator && src[at + 1] > 0.5f) continue;
            float y = src[at];
            if (!float.IsFinite(y))
                throw new SynthException($"Column '{Column}': the model produced a non-finite value ({y}) at row {r + 1}; the model has diverged.");
            double x = Unscale(y);
            if (ClipToObservedRange) x = Math.Clamp(x, Min, Max);
            if (Kind == ColumnKind.Integer) x = Math.Round(x, MidpointRounding.AwayFromZero);
            if (DateGranularityTicks > 1) x = Math.Round(x / DateGranularityTicks, MidpointRounding.AwayFromZero) * DateGranularityTicks;
            values[r] = fitted.FromNumber(x, dateKind);
        }
        return fitted.Storage.Create(Column, values);
    }

    internal static void CheckStorage(DataFrameColumn c, ColumnStorage fitted)
    {
        var storage = ColumnStorageExtensions.StorageOf(c);
        if (storage != fitted)
            throw new SynthColumnException(c.Name, $"holds {storage.ToJsonName()} values, but the transform was fitted on {fitted.ToJsonName()} values.");
    }

    public JsonObject ToJson()
    {
        var fitted = Fitted;
        var json = new JsonObject
        {
            ["type"] = typeName,
            ["column"] = Column,
            ["kind"] = ColumnValueCodec.KindName(Kind),
            ["storage"] = fitted.Storage.ToJsonName(),
            ["clip_to_observed_range"] = ClipToObservedRange,
            ["min"] = Min,
            ["max"] = Max,
            ["mean"] = Mean,
            ["missing_indicator"] = HasMissingIndicator,
            ["date_granularity_ticks"] = DateGranularityTicks,
            ["date_kind"] = dateKind.ToString().ToLowerInvariant(),
        };
        WriteScale(json);
        return json;
    }

    private protected void Restore(JsonObject json)
    {
        codec = ColumnValueCodec.Create(Column, ColumnStorageExtensions.ParseStorage(JsonFields.Get<string>(json, "storage")), Kind);
        Min = JsonFields.Get<double>(json, "min");
        Max = JsonFields.Get<double>(json, "max");
        Mean = JsonFields.Get<double>(json, "mean");
        HasMissingIndicator = JsonFields.Get<bool>(json, "missing_indicator");
        DateGranularityTicks = JsonFields.Get<long>(json, "date_granularity_ticks");
        dateKind = Enum.TryParse<DateTimeKind>(JsonFields.Get<string>(json, "date_kind"), ignoreCase: true, out var k) ? k : DateTimeKind.Unspecified;
        ReadScale(json);
    }
}
