namespace SynthCore.Synthesizers;

/// <summary>
/// A condition checked against the fitted column domain and put in one of two shapes models can
/// act on: a set of category keys (categorical and boolean columns) or a closed numeric interval
/// (numeric columns; dates as ticks; an exact value has <see cref="Min"/> == <see cref="Max"/>).
/// The interval is already clipped to the observed range (not in <see cref="ConditionResolver.AsAsked"/>).
/// </summary>
public sealed record ResolvedCondition(string Column, ColumnKind Kind, IReadOnlySet<string>? Categories, double Min, double Max)
{
    /// <summary>A numeric condition on one exact value.</summary>
    public bool IsExactValue => Categories is null && Min == Max;

    /// <summary>Whether a sampled cell meets the condition (missing never does).</summary>
    public bool IsMetBy(object? cell)
    {
        if (ColumnStorageExtensions.IsMissing(cell)) return false;
        if (Categories is not null)
            return Kind == ColumnKind.Boolean
                ? ConditionResolver.TryBool(cell!, out bool b) && Categories.Contains(b ? "true" : "false")
                : Categories.Contains(ConditionResolver.Key(cell!));
        if (!ConditionResolver.TryNumber(cell!, Kind, out double x)) return false;
        // Exact values on continuous columns are matched up to float noise from the model's arithmetic. (An open lower
        // bound, from AsAsked, is -∞: the scale is then the upper bound's.)
        double scale = double.IsFinite(Min) ? Math.Abs(Min) : double.IsFinite(Max) ? Math.Abs(Max) : 1;
        double tolerance = Kind == ColumnKind.Continuous ? 1e-9 * Math.Max(1, scale) : 0;
        return x >= Min - tolerance && x <= Max + tolerance;
    }
}

/// <summary>Turns user conditions into <see cref="ResolvedCondition"/>s, rejecting the impossible ones with clear messages.</summary>
public static class ConditionResolver
{
    /// <summary>Checks every condition against the schema and the observed domain and resolves it.</summary>
    /// <exception cref="SynthColumnException">Unknown column, identifier column, wrong kind of condition, an empty or reversed range, a range or value outside what the model saw, or an unknown category.</exception>
    public static IReadOnlyList<ResolvedCondition> Resolve(SampleConditions? conditions, TableMetadata metadata, ConditionDomain domain)
    {
        if (conditions is null) return [];
        var resolved = new List<ResolvedCondition>();
        foreach (var condition in conditions.All)
        {
            var meta = metadata[condition.Column];
            var dom = domain.Find(condition.Column) ?? throw new SynthColumnException(condition.Column, "the model recorded no values for this column, so it cannot be conditioned on.");
            resolved.Add(meta.Kind switch
            {
                ColumnKind.Identifier => throw new SynthColumnException(condition.Column, "is an identifier: sampled rows get new keys, so it cannot be conditioned on."),
                ColumnKind.Categorical or ColumnKind.Boolean => ResolveCategories(condition, meta.Kind, dom),
                _ => ResolveNumeric(condition, meta.Kind, dom),
            });
        }
        return resolved;
    }

    /// <summary>
    /// The conditions as asked, not against a model's observed values: ranges are not clipped (an open bound stays
    /// infinite) and no value is refused for being unseen. For checking the rows of any table against the conditions,
    /// e.g. the real rows a condition report compares with (<paramref name="table"/> gives the cells' types).
    /// </summary>
    /// <exception cref="SynthColumnException">Unknown column, identifier column, wrong kind of condition, a value that is not of the column's kind, an empty range.</exception>
    public static IReadOnlyList<ResolvedCondition> AsAsked(SampleConditions conditions, TableMetadata metadata, Microsoft.Data.Analysis.DataFrame table)
    {
        // A domain that holds every asked category and every number, so Resolve checks the conditions' shape and values only.
        var domain = new ConditionDomain(conditions.All.Select(condition =>
        {
            var meta = metadata[condition.Column];
            string storage = ColumnStorageExtensions.StorageOf(table.Columns[condition.Column]).ToJsonName();
            IReadOnlyList<string>? categories = meta.Kind switch
            {
                ColumnKind.Boolean => ["false", "true"],
                ColumnKind.Categorical => condition switch
                {
                    EqualsCondition e => [CategoryKey(e.Value, storage)],
                    OneOfCondition o => o.Values.Select(v => CategoryKey(v, storage)).ToArray(),
                    _ => [],
                },
                _ => null,
            };
            return new ColumnDomain(condition.Column, meta.Kind, storage, double.NegativeInfinity, double.PositiveInfinity, categories);
        }));
        return Resolve(conditions, metadata, domain);
    }

    private static ResolvedCondition ResolveCategories(ColumnCondition condition, ColumnKind kind, ColumnDomain dom)
    {
        IReadOnlyList<object> values = condition switch
        {
            EqualsCondition e => [e.Value],
            OneOfCondition o => o.Values,
            RangeCondition => throw new SynthColumnException(condition.Column, $"is {ColumnValueCodec.KindName(kind)}: give a value or a set of values, not a range."),
            _ => throw new SynthColumnException(condition.Column, $"unsupported condition {condition.GetType().Name}."),
        };
        if (values.Count == 0) throw new SynthColumnException(condition.Column, "the set of allowed values is empty.");
        var known = dom.Categories ?? [];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var value in values)
        {
            string key;
            if (kind == ColumnKind.Boolean)
            {
                if (!TryBool(value, out bool b))
                    throw new SynthColumnException(condition.Column, $"is boolean; '{Show(value)}' is not true/false.");
                key = b ? "true" : "false";
            }
            else key = CategoryKey(value, dom.Storage);
            if (known.Contains(key)) keys.Add(key); else unknown.Add(Show(value));
        }
        if (unknown.Count > 0)
            throw new SynthColumnException(condition.Column,
                $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} never occurs in the training data (it has: {string.Join(", ", known.Take(20))}{(known.Count > 20 ? ", …" : "")}).");
        return new ResolvedCondition(condition.Column, kind, keys, double.NaN, double.NaN);
    }

    private static ResolvedCondition ResolveNumeric(ColumnCondition condition, ColumnKind kind, ColumnDomain dom)
    {
        double lo = dom.Min ?? throw new SynthColumnException(condition.Column, "has no observed values, so it cannot be conditioned on.");
        double hi = dom.Max ?? lo;
        string Format(double x) => kind == ColumnKind.Datetime
            ? CsvTable.FormatDate(new DateTime((long)x), new DateTime((long)x).TimeOfDay == TimeSpan.Zero)
            : x.ToString("G6", CultureInfo.InvariantCulture);
        // Only in messages (and never for AsAsked's infinite domain, which no value falls outside).
        string Observed() => $"the training data ranges from {Format(lo)} to {Format(hi)}";
        switch (condition)
        {
            case EqualsCondition e:
            {
                if (!TryNumber(e.Value, kind, out double x))
                    throw new SynthColumnException(condition.Column, $"is {ColumnValueCodec.KindName(kind)}; '{Show(e.Value)}' is not {(kind == ColumnKind.Datetime ? "a date" : "a number")}.");
                if (kind == ColumnKind.Integer && x != Math.Round(x))
                    throw new SynthColumnException(condition.Column, $"holds whole numbers; {Format(x)} is not one.");
                if (x < lo || x > hi)
                    throw new SynthColumnException(condition.Column, $"the value {Format(x)} is outside what the model can produce ({Observed()}).");
                return new ResolvedCondition(condition.Column, kind, null, x, x);
            }
            case OneOfCondition:
                throw new SynthColumnException(condition.Column, $"is {ColumnValueCodec.KindName(kind)}: give one value or a range, not a set of values.");
            case RangeCondition r:
            {
                if (r.Min is double a && !double.IsFinite(a) || r.Max is double b0 && !double.IsFinite(b0))
                    throw new SynthColumnException(condition.Column, "the range bounds must be finite numbers.");
                if (r.Min > r.Max)
                    throw new SynthColumnException(condition.Column, $"the range is empty: its minimum {Format(r.Min!.Value)} is above its maximum {Format(r.Max!.Value)}.");
                double min = Math.Max(r.Min ?? lo, lo), max = Math.Min(r.Max ?? hi, hi);
                if (kind == ColumnKind.Integer) { min = Math.Ceiling(min); max = Math.Floor(max); }
                if (min > max)
                    throw new SynthColumnException(condition.Column,
                        $"the range [{(r.Min is null ? "-∞" : Format(r.Min.Value))}, {(r.Max is null ? "∞" : Format(r.Max.Value))}] holds no value the model can produce ({Observed()}{(kind == ColumnKind.Integer ? ", whole numbers only" : "")}).");
                return new ResolvedCondition(condition.Column, kind, null, min, max);
            }
            default:
                throw new SynthColumnException(condition.Column, $"unsupported condition {condition.GetType().Name}.");
        }
    }

    /// <summary>The category key of a condition value, read like a cell of the column's storage (so "1" and 1.0 match a numeric category).</summary>
    private static string CategoryKey(object value, string storage)
    {
        bool numericStorage = storage is not ("string" or "datetime" or "boolean");
        if (numericStorage && value is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
            return Key(x);
        if (numericStorage && value is IConvertible c && value is not string and not bool and not DateTime)
            return Key(c.ToDouble(CultureInfo.InvariantCulture));
        return Key(value);
    }

    /// <summary>A cell's category key, as <see cref="ColumnValueCodec.ToKey"/> writes it (numbers of any type as doubles).</summary>
    internal static string Key(object cell) => cell switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    internal static bool TryBool(object value, out bool b)
    {
        switch (value)
        {
            case bool x: b = x; return true;
            case string s: return CsvValueParser.TryParseBool(s, out b) || TryBinary(s, out b);
            case IConvertible c when value is not DateTime:
                double d = c.ToDouble(CultureInfo.InvariantCulture);
                b = d == 1;
                return d is 0 or 1;
            default: b = false; return false;
        }
    }

    private static bool TryBinary(string s, out bool b)
    {
        b = s.Trim() == "1";
        return s.Trim() is "0" or "1";
    }

    internal static bool TryNumber(object value, ColumnKind kind, out double x)
    {
        switch (value)
        {
            case DateTime d: x = d.Ticks; return true;
            case string s when kind == ColumnKind.Datetime: return CsvValueParser.TryParseDateTicks(s, out x);
            case string s: return CsvValueParser.TryParseNumber(s, out x) && double.IsFinite(x);
            case bool: x = 0; return false;
            case IConvertible c:
                x = c.ToDouble(CultureInfo.InvariantCulture);
                return double.IsFinite(x);
            default: x = 0; return false;
        }
    }

    private static string Show(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
}
