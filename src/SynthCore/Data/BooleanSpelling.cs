namespace SynthCore.Data;

/// <summary>
/// How a boolean column spells its two values in the file it was read from ("yes"/"no", "True"/"False",
/// "YES"/"NO"): what the CSV writer writes back, so a column comes back as it was read.
/// </summary>
/// <param name="True">The text for true.</param>
/// <param name="False">The text for false.</param>
public sealed record BooleanSpelling(string True, string False)
{
    /// <summary>"true"/"false", what a column without a recorded spelling is written as.</summary>
    public static BooleanSpelling Default { get; } = new("true", "false");

    /// <summary>The text of <paramref name="value"/>.</summary>
    public string Format(bool value) => value ? True : False;

    /// <summary>
    /// The spelling of cells the reader accepted as booleans (<see cref="CsvValueParser.TryParseBool"/>): the most
    /// common cell decides the pair (yes/no or true/false) and its case (lower, UPPER or Title), so a column of
    /// "Yes" with a single "no" is written "Yes"/"No". Null when that is the default true/false.
    /// </summary>
    internal static BooleanSpelling? Of(IEnumerable<string> cells)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            string text = cell.Trim();
            counts[text] = counts.GetValueOrDefault(text) + 1;
        }
        return Of(counts);
    }

    /// <summary>The spelling of boolean cells counted by their trimmed text (as <see cref="Of(IEnumerable{string})"/>).</summary>
    internal static BooleanSpelling? Of(IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0) return null;
        // Ties go to the ordinally first text, so the spelling does not depend on row order.
        string common = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        bool yesNo = common.ToLowerInvariant() is "yes" or "no";
        Func<string, string> cased =
            common == common.ToUpperInvariant() ? w => w.ToUpperInvariant()
            : common == char.ToUpperInvariant(common[0]) + common[1..].ToLowerInvariant() ? w => char.ToUpperInvariant(w[0]) + w[1..]
            : w => w;
        var spelling = new BooleanSpelling(cased(yesNo ? "yes" : "true"), cased(yesNo ? "no" : "false"));
        return spelling == Default ? null : spelling;
    }
}
