using System.Text.Json.Serialization;

namespace SynthCore.Synthesizers;

/// <summary>
/// What values one column took in the training table: the observed numeric range (ticks for dates)
/// or the set of category keys. Conditions are checked against it, so a request for a value the
/// model never saw fails with a clear message instead of an endless search.
/// </summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">The column's kind.</param>
/// <param name="Storage">The column's .NET cell type (lower case), to read condition values the same way as cells.</param>
/// <param name="Min">Smallest observed value (numeric kinds).</param>
/// <param name="Max">Largest observed value (numeric kinds).</param>
/// <param name="Categories">Observed category keys (categorical and boolean kinds; booleans as "true"/"false").</param>
public sealed record ColumnDomain(string Name, ColumnKind Kind, string Storage, double? Min, double? Max, IReadOnlyList<string>? Categories);

/// <summary>The <see cref="ColumnDomain"/> of every column of a training table; saved with fitted models.</summary>
public sealed class ConditionDomain
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Dictionary<string, ColumnDomain> byName;

    public ConditionDomain(IEnumerable<ColumnDomain> columns)
    {
        Columns = columns.ToArray();
        byName = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ColumnDomain> Columns { get; }

    /// <summary>The domain of <paramref name="column"/>, or null if it was not recorded.</summary>
    public ColumnDomain? Find(string column) => byName.GetValueOrDefault(column);

    /// <summary>Records the observed range or categories of every column of <paramref name="table"/>.</summary>
    public static ConditionDomain FromTable(DataFrame table, TableMetadata metadata)
    {
        var domains = new List<ColumnDomain>();
        foreach (var meta in metadata.Columns)
        {
            var column = table.Columns[meta.Name];
            var storage = ColumnStorageExtensions.StorageOf(column);
            var codec = ColumnValueCodec.Create(meta.Name, storage, meta.Kind);
            double? min = null, max = null;
            SortedSet<string>? keys = null;
            if (column is DoubleDataFrameColumn doubles && meta.Kind is ColumnKind.Continuous or ColumnKind.Integer)
            {
                // Typed fast path: no boxing per cell on large numeric tables.
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                foreach (double x in DoubleColumns.Read(doubles))
                    if (!double.IsNaN(x)) { if (x < lo) lo = x; if (x > hi) hi = x; }
                domains.Add(new ColumnDomain(meta.Name, meta.Kind, storage.ToJsonName(), lo <= hi ? lo : null, lo <= hi ? hi : null, null));
                continue;
            }
            for (long r = 0; r < column.Length; r++)
            {
                object? cell = column[r];
                if (ColumnStorageExtensions.IsMissing(cell)) continue;
                switch (meta.Kind)
                {
                    case ColumnKind.Continuous or ColumnKind.Integer or ColumnKind.Datetime:
                        if (codec.TryToNumber(cell!, out double x))
                        {
                            min = min is null ? x : Math.Min(min.Value, x);
                            max = max is null ? x : Math.Max(max.Value, x);
                        }
                        break;
                    case ColumnKind.Categorical:
                        (keys ??= new SortedSet<string>(StringComparer.Ordinal)).Add(codec.ToKey(cell!));
                        break;
                    case ColumnKind.Boolean:
                        if (ConditionResolver.TryBool(cell!, out bool b))
                            (keys ??= new SortedSet<string>(StringComparer.Ordinal)).Add(b ? "true" : "false");
                        break;
                }
            }
            domains.Add(new ColumnDomain(meta.Name, meta.Kind, storage.ToJsonName(), min, max, keys?.ToArray()));
        }
        return new ConditionDomain(domains);
    }

    public string ToJson() => JsonSerializer.Serialize(Columns, Json);

    public static ConditionDomain FromJson(string json) =>
        new(JsonSerializer.Deserialize<ColumnDomain[]>(json, Json) ?? throw new SynthException("The model's column domains are empty."));
}
