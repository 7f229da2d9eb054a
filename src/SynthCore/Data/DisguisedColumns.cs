namespace SynthCore.Data;

/// <summary>
/// Text columns that are numbers or dates in disguise: decimal commas ("1,5"), thousands separators ("1,234"),
/// infinities ("inf") among numbers, or dates written in several formats. The reader keeps them as text (it reads
/// invariantly and will not guess a locale), so they would be modelled as categories; this names them so the user
/// hears of it (<c>synth describe</c> and every command that loads a table print the warnings) and can fix the file.
/// </summary>
public static class DisguisedColumns
{
    private static readonly HashSet<string> Infinities = new(StringComparer.OrdinalIgnoreCase)
        { "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞", "+∞" };

    /// <summary>One warning ("Column 'x': …") per categorical text column whose every value is such a number or date.</summary>
    public static IReadOnlyList<string> Find(DataFrame table, TableMetadata metadata)
    {
        var warnings = new List<string>();
        foreach (var column in metadata.Columns)
        {
            if (column.Kind != ColumnKind.Categorical || column.Overridden || table.Columns[column.Name] is not StringDataFrameColumn text) continue;
            var values = new List<(long Row, string Value)>();
            for (long r = 0; r < text.Length; r++)
                if (text[r] is { } v && v.Trim().Length > 0) values.Add((r, v.Trim()));
            if (values.Count == 0) continue;
            if (NumbersInDisguise(values) is { } numbers) warnings.Add($"Column '{column.Name}': {numbers}");
            else if (MixedDates(values) is { } dates) warnings.Add($"Column '{column.Name}': {dates}");
        }
        return warnings;
    }

    private static string? NumbersInDisguise(List<(long Row, string Value)> values)
    {
        (long Row, string Value)? infinity = null, comma = null;
        foreach (var (row, value) in values)
        {
            if (CsvValueParser.TryParseNumber(value, out _)) continue;
            if (Infinities.Contains(value)) { infinity ??= (row, value); continue; }
            if (value.Contains(',') && (CsvValueParser.TryParseNumber(value.Replace(",", ""), out _) || CsvValueParser.TryParseNumber(value.Replace(',', '.'), out _)))
            {
                comma ??= (row, value);
                continue;
            }
            return null;
        }
        if (comma is { } c)
            return string.Create(CultureInfo.InvariantCulture,
                $"its values are numbers written with ',' as a decimal or thousands separator (row {c.Row + 1} has '{c.Value}'), so it is treated as categorical text. ")
                + "Save the file with '.' as the decimal separator and no thousands separators to model it as numbers.";
        if (infinity is { } i)
            return string.Create(CultureInfo.InvariantCulture,
                $"its values are numbers except infinities (row {i.Row + 1} has '{i.Value}'), so it is treated as categorical text; only finite numbers can be modelled. ")
                + "Replace them, or list them as missing-value tokens.";
        return null;
    }

    private static string? MixedDates(List<(long Row, string Value)> values)
    {
        if (!values.All(v => CsvValueParser.TryParseDate(v.Value, out _))) return null;
        // The reader found no single format for all of them (else the column would be dates): name two that differ.
        var first = values[0];
        var family = CsvValueParser.DateFamilies.First(f => CsvValueParser.TryParseDate(first.Value, f.Formats, out _));
        var other = values.FirstOrDefault(v => !CsvValueParser.TryParseDate(v.Value, family.Formats, out _));
        return string.Create(CultureInfo.InvariantCulture,
            $"its values are dates in more than one format (row {first.Row + 1} has '{first.Value}', row {other.Row + 1} has '{other.Value}'), so it is treated as categorical text. ")
            + "Write every date in one format (e.g. yyyy-MM-dd) to model it as dates.";
    }
}
