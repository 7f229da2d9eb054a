using System.Text.RegularExpressions;

namespace SynthCore.Data;

/// <summary>
/// Detects each column's kind from its type and values, and applies the user's overrides.
/// Rules, by column type:
/// booleans → Boolean; dates → Datetime; numbers → Integer when every value is whole, else Continuous;
/// text → Categorical. A column becomes Identifier only when it has no missing and no repeated value and
/// either its name says it is a key (last word id, uuid, guid, key, index, idx, pk, or pandas' "Unnamed: 0")
/// or it is text in a table of at least <see cref="MinRowsForShapeRule"/> rows whose values all look like keys
/// (GUIDs, or one shared non-numeric prefix followed by digits: "user_001"). Plain unique text
/// (names, free text) stays Categorical: calling a real attribute an id would drop it from the model.
/// </summary>
internal static partial class ColumnKindDetector
{
    /// <summary>Fewer rows than this are too few to call unique text a key from its shape alone.</summary>
    public const int MinRowsForShapeRule = 20;

    private static readonly HashSet<string> KeyWords = new(StringComparer.OrdinalIgnoreCase) { "id", "uuid", "guid", "key", "index", "idx", "pk" };

    public static TableMetadata Detect(DataFrame table, IReadOnlyDictionary<string, ColumnKind>? overrides)
    {
        if (table.Columns.Count == 0) throw new SynthException("The table has no columns.");
        int rows = checked((int)table.Rows.Count);
        if (rows == 0) throw new SynthException("The table has no rows; at least one row is needed to detect column kinds.");

        var names = table.Columns.Select(c => c.Name).ToArray();
        foreach (var name in overrides?.Keys ?? [])
            if (!names.Contains(name, StringComparer.Ordinal))
                throw new SynthColumnException(name, $"no such column to set the kind of (the table has: {string.Join(", ", names)}).");

        return new TableMetadata(table.Columns.Select(column =>
        {
            var storage = ColumnStorageExtensions.StorageOf(column);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var keyCodec = ColumnValueCodec.Create(column.Name, storage, ColumnKind.Categorical);
            int missing = 0;
            for (long r = 0; r < rows; r++)
            {
                object? value = column[r];
                if (ColumnStorageExtensions.IsMissing(value)) { missing++; continue; }
                if (storage.IsNumeric() && !double.IsFinite(ColumnStorageExtensions.ToDouble(value!)))
                    throw new SynthColumnException(column.Name, $"row {r + 1} has the value '{ColumnValueCodec.FormatCell(value!)}'; only finite numbers can be modelled.");
                keys.Add(keyCodec.ToKey(value!));
            }
            if (missing == rows)
                throw new SynthColumnException(column.Name, "has only missing values; drop it or fill it in.");

            if (overrides is not null && overrides.TryGetValue(column.Name, out var kind))
            {
                ColumnValueCodec.CreateChecked(column, kind);
                return new ColumnMetadata(column.Name, kind, missing, rows, keys.Count, Overridden: true, ColumnSpellings.Of(column), ColumnSpellings.DateFormatOf(column), ColumnSpellings.DecimalsOf(column));
            }
            return new ColumnMetadata(column.Name, DetectKind(column, storage, rows, missing, keys), missing, rows, keys.Count,
                Spelling: ColumnSpellings.Of(column), DateFormat: ColumnSpellings.DateFormatOf(column), Decimals: ColumnSpellings.DecimalsOf(column));
        }));
    }

    private static ColumnKind DetectKind(DataFrameColumn column, ColumnStorage storage, int rows, int missing, HashSet<string> keys)
    {
        bool unique = missing == 0 && keys.Count == rows;
        switch (storage)
        {
            case ColumnStorage.Boolean: return ColumnKind.Boolean;
            case ColumnStorage.DateTime: return ColumnKind.Datetime;
            case ColumnStorage.String:
                return unique && (NameSaysKey(column.Name) || (rows >= MinRowsForShapeRule && LooksLikeKeys(keys)))
                    ? ColumnKind.Identifier
                    : ColumnKind.Categorical;
            default:
                bool whole = storage.IsIntegral() || AllWhole(column);
                if (!whole) return ColumnKind.Continuous;
                return unique && NameSaysKey(column.Name) ? ColumnKind.Identifier : ColumnKind.Integer;
        }
    }

    private static bool AllWhole(DataFrameColumn column)
    {
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } v && !ColumnStorageExtensions.IsMissing(v))
            {
                double x = ColumnStorageExtensions.ToDouble(v);
                if (x != Math.Floor(x)) return false;
            }
        return true;
    }

    /// <summary>Whether the last word of the name is a key word ("user_id", "UserID", "Row Key"), or it is pandas' index column.</summary>
    internal static bool NameSaysKey(string name)
    {
        if (UnnamedIndex().IsMatch(name)) return true;
        var words = Words().Matches(name);
        return words.Count > 0 && KeyWords.Contains(words[^1].Value);
    }

    /// <summary>All GUIDs, or all one non-numeric prefix followed by digits.</summary>
    internal static bool LooksLikeKeys(IReadOnlyCollection<string> values)
    {
        if (values.Count == 0) return false;
        if (values.All(v => Guid.TryParse(v, out _))) return true;
        string? prefix = null;
        foreach (var v in values)
        {
            var m = PrefixDigits().Match(v);
            if (!m.Success) return false;
            prefix ??= m.Groups[1].Value;
            if (prefix.Length == 0 || m.Groups[1].Value != prefix) return false;
        }
        return true;
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^Unnamed: ?\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex UnnamedIndex();

    [GeneratedRegex(@"^(\D*)(\d+)$")]
    internal static partial Regex PrefixDigits();
}
