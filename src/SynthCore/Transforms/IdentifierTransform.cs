using System.Security.Cryptography;

namespace SynthCore.Transforms;

/// <summary>
/// Identifier columns are not modelled (no outputs). Reverse makes new unique ids in the fitted
/// style: numbers 1..n for numeric ids; GUIDs for GUID ids (derived from the column name and row,
/// so the same rows get the same ids); otherwise the ids' shared prefix followed by 1..n, zero-padded
/// to the original width when the originals were ("user_001").
/// </summary>
public sealed class IdentifierTransform(string column) : IColumnTransform
{
    internal const string Type = "identifier";

    private ColumnStorage? storage;

    public string Column { get; } = column;
    public int Width => 0;
    public IReadOnlyList<OutputSpan> Spans => [];

    /// <summary>"number", "guid" or "prefix".</summary>
    public string Style { get; private set; } = "number";
    /// <summary>For "prefix": the text before the number.</summary>
    public string Prefix { get; private set; } = "";
    /// <summary>For "prefix": digits to zero-pad the number to (0 = none).</summary>
    public int Padding { get; private set; }
    /// <summary>For "guid": upper-case hex digits.</summary>
    public bool UpperCase { get; private set; }

    public void Fit(DataFrameColumn c)
    {
        ColumnValueCodec.CreateChecked(c, ColumnKind.Identifier);
        storage = ColumnStorageExtensions.StorageOf(c);
        if (storage != ColumnStorage.String) { Style = "number"; return; }

        var values = new List<string>();
        for (long r = 0; r < c.Length; r++)
            if (c[r] is string s) values.Add(s);
        if (values.Count == 0) throw new SynthColumnException(Column, "has only missing values; drop it or fill it in.");

        if (values.All(v => Guid.TryParse(v, out _)))
        {
            Style = "guid";
            UpperCase = values.Any(v => v.Any(char.IsAsciiLetterUpper));
            return;
        }
        Style = "prefix";
        var matches = values.Select(v => ColumnKindDetector.PrefixDigits().Match(v)).ToArray();
        if (matches.All(m => m.Success && m.Groups[1].Value == matches[0].Groups[1].Value))
        {
            Prefix = matches[0].Groups[1].Value;
            var digitLengths = matches.Select(m => m.Groups[2].Length).Distinct().ToArray();
            Padding = digitLengths.Length == 1 && matches.Any(m => m.Groups[2].Value[0] == '0') ? digitLengths[0] : 0;
            return;
        }
        // No shared "prefix + number" shape: keep whatever text all ids start with, minus trailing digits.
        string common = values.Aggregate((a, b) => a[..a.AsSpan().CommonPrefixLength(b)]);
        Prefix = common.TrimEnd("0123456789".ToCharArray());
        Padding = 0;
    }

    private ColumnStorage Fitted => storage ?? throw new InvalidOperationException($"The transform of column '{Column}' is not fitted.");

    public void Transform(DataFrameColumn c, Span<float> dest, int stride, int offset) => NumericTransform.CheckStorage(c, Fitted);

    public DataFrameColumn Reverse(ReadOnlySpan<float> src, int rows, int stride, int offset)
    {
        var fitted = Fitted;
        var values = new object?[rows];
        for (int r = 0; r < rows; r++)
            values[r] = Style switch
            {
                "guid" => NewGuid(r),
                "prefix" => Prefix + (r + 1).ToString(CultureInfo.InvariantCulture).PadLeft(Padding, '0'),
                _ when fitted == ColumnStorage.String => (r + 1).ToString(CultureInfo.InvariantCulture),
                _ => fitted.FromDouble(r + 1),
            };
        return fitted.Create(Column, values);
    }

    // A version-4-shaped GUID from a hash of column and row: unique in practice and reproducible, with no random state.
    private string NewGuid(int row)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Column}\n{row}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        string text = new Guid(hash.AsSpan(0, 16)).ToString("D");
        return UpperCase ? text.ToUpperInvariant() : text;
    }

    public JsonObject ToJson() => new()
    {
        ["type"] = Type,
        ["column"] = Column,
        ["kind"] = ColumnValueCodec.KindName(ColumnKind.Identifier),
        ["storage"] = Fitted.ToJsonName(),
        ["style"] = Style,
        ["prefix"] = Prefix,
        ["padding"] = Padding,
        ["upper_case"] = UpperCase,
    };

    public static IdentifierTransform FromJson(JsonObject json)
    {
        var t = new IdentifierTransform(JsonFields.Get<string>(json, "column"))
        {
            storage = ColumnStorageExtensions.ParseStorage(JsonFields.Get<string>(json, "storage")),
            Style = JsonFields.Get<string>(json, "style"),
            Prefix = JsonFields.Get<string>(json, "prefix"),
            Padding = JsonFields.Get<int>(json, "padding"),
            UpperCase = JsonFields.Get<bool>(json, "upper_case"),
        };
        if (t.Style is not ("number" or "guid" or "prefix"))
            throw new SynthException($"The saved transform of column '{t.Column}' has an unknown id style '{t.Style}'.");
        return t;
    }
}
