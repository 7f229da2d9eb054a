namespace SynthCore.Data;

/// <summary>What a CSV column's values are, decided over the whole column by <see cref="CsvColumnInference"/>.</summary>
internal enum CsvColumnType { Missing, Number, Boolean, Date, Text, MostlyNumbers }

/// <summary>
/// A CSV column's kind decided over every value in one streaming pass, keeping only counts: numbers, booleans and their
/// spellings, and each date family while it still parses every value (a family stops being tried at its first failure,
/// so a text or number column costs one failed parse per family). The second pass (<see cref="CsvColumnFill"/>) then
/// parses each value once into its typed column. The rules are the ones a whole-column read applied, in the same order.
/// </summary>
internal sealed class CsvColumnInference(string name)
{
    private readonly Dictionary<string, int> booleanTexts = new(StringComparer.Ordinal);
    private readonly bool[] familyParsesAll = CsvValueParser.DateFamilies.Select(_ => true).ToArray();
    // Per family, how many values each format reads first (in order of first use): which format a date column is written in.
    private readonly Dictionary<string, long>[] firstFormats = CsvValueParser.DateFamilies.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly FixedDecimals.Tracker decimals = new();
    private bool allBooleans = true;

    public string Name { get; } = name;

    /// <summary>Non-missing values seen.</summary>
    public long Present { get; private set; }

    /// <summary>Values that are numbers.</summary>
    public long Numbers { get; private set; }

    /// <summary>The first value that is not a number, and its line.</summary>
    public (int Line, string Value)? FirstNonNumber { get; private set; }

    public void Add(string value, int line)
    {
        Present++;
        if (CsvValueParser.TryParseNumber(value, out _)) { Numbers++; decimals.Add(value); }
        else FirstNonNumber ??= (line, value);

        if (allBooleans)
        {
            if (CsvValueParser.TryParseBool(value, out _))
            {
                string text = value.Trim();
                booleanTexts[text] = booleanTexts.GetValueOrDefault(text) + 1;
            }
            else allBooleans = false;
        }

        for (int f = 0; f < familyParsesAll.Length; f++)
        {
            if (!familyParsesAll[f]) continue;
            var formats = CsvValueParser.DateFamilies[f].Formats;
            if (f == 0)
            {
                // ISO dates are written as ISO 8601 whatever their format: only whether one reads matters.
                if (!CsvValueParser.TryParseDate(value, formats, out _)) familyParsesAll[f] = false;
                continue;
            }
            // The first format that reads the value, in order (which format a column is written in); none: not this family.
            if (CsvValueParser.FirstFormat(value, formats) is { } format)
                firstFormats[f][format] = firstFormats[f].GetValueOrDefault(format) + 1;
            else familyParsesAll[f] = false;
        }
    }

    /// <summary>The column's type: numbers, then booleans, then the first date family that reads every value, else text.</summary>
    public CsvColumnType Type(CsvReadOptions options)
    {
        if (Present == 0) return CsvColumnType.Missing;
        if (Numbers == Present) return CsvColumnType.Number;
        if (allBooleans) return CsvColumnType.Boolean;
        if (DateFamily >= 0) return CsvColumnType.Date;
        return Numbers >= options.MostlyTypedThreshold * Present ? CsvColumnType.MostlyNumbers : CsvColumnType.Text;
    }

    /// <summary>The decimals every number was written with, when they share them (<see cref="FixedDecimals"/>).</summary>
    public int? Decimals => decimals.Decimals;

    /// <summary>How a boolean column spells its values.</summary>
    public BooleanSpelling? Spelling => BooleanSpelling.Of(booleanTexts);

    /// <summary>The index of the first date family that reads every value, or -1.</summary>
    public int DateFamily => Array.IndexOf(familyParsesAll, true);

    /// <summary>The format most values of the date column are written in (null for ISO), before choosing its zero-padded form.</summary>
    public string? CommonFormat => DateFamily <= 0 || firstFormats[DateFamily].Count == 0 ? null : firstFormats[DateFamily].MaxBy(kv => kv.Value).Key;

    public SynthColumnException MostlyNumbersError() => new(Name,
        $"{Numbers} of {Present} values are numbers, but line {FirstNonNumber!.Value.Line} has '{FirstNonNumber.Value.Value}'. Fix it, or add it to the missing-value tokens if it means 'no value'.");
}
