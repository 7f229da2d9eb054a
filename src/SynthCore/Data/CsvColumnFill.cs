namespace SynthCore.Data;

/// <summary>
/// The second pass over a CSV column whose type <see cref="CsvColumnInference"/> decided: each value parsed once into
/// its typed DataFrame column (the rows kept: all of them, or a sample), and what needs every value checked as it
/// passes: a text column that is mostly dates is an error naming its first other value, and a date column's written
/// format is zero-padded when the file's dates are.
/// </summary>
internal sealed class CsvColumnFill
{
    private readonly CsvColumnInference inference;
    private readonly CsvColumnType type;
    private readonly DataFrameColumn column;
    private readonly string[]? dateFormats;
    private readonly string? commonFormat, paddedFormat;
    private long reproducesCommon, reproducesPadded;
    private readonly MostlyDates? mostlyDates;

    public CsvColumnFill(CsvColumnInference inference, CsvColumnType type, long rows, CsvReadOptions options)
    {
        this.inference = inference;
        this.type = type;
        string name = inference.Name;
        column = type switch
        {
            CsvColumnType.Number => new DoubleDataFrameColumn(name, rows),
            CsvColumnType.Boolean => new BooleanDataFrameColumn(name, rows),
            CsvColumnType.Date => new DateTimeDataFrameColumn(name, rows),
            _ => new StringDataFrameColumn(name, rows),
        };
        if (type == CsvColumnType.Date)
        {
            dateFormats = CsvValueParser.DateFamilies[inference.DateFamily].Formats;
            commonFormat = inference.CommonFormat;
            // The families' formats take one or two digits ("d/M"); zero-padded files ("01.02.2024") are written padded again.
            paddedFormat = commonFormat is null ? null : CsvValueParser.Padded(commonFormat);
        }
        if (type == CsvColumnType.Text)
            mostlyDates = new MostlyDates(inference.Present, (long)Math.Ceiling(options.MostlyTypedThreshold * inference.Present));
    }

    /// <summary>Takes the next row's value (null when missing): checked always, stored at <paramref name="index"/> when the row is kept.</summary>
    /// <returns>The typed value (null when missing).</returns>
    public object? Add(string? value, int line, long? index)
    {
        if (value is null) return null;
        object typed;
        switch (type)
        {
            case CsvColumnType.Number:
                CsvValueParser.TryParseNumber(value, out double x);
                if (index is { } r) ((DoubleDataFrameColumn)column)[r] = x;
                typed = x;
                break;
            case CsvColumnType.Boolean:
                CsvValueParser.TryParseBool(value, out bool b);
                if (index is { } rb) ((BooleanDataFrameColumn)column)[rb] = b;
                typed = b;
                break;
            case CsvColumnType.Date:
                CsvValueParser.TryParseDate(value, dateFormats!, out DateTime d);
                if (commonFormat is not null)
                {
                    if (CsvValueParser.Reproduces(value, commonFormat)) reproducesCommon++;
                    if (CsvValueParser.Reproduces(value, paddedFormat!)) reproducesPadded++;
                }
                if (index is { } rd) ((DateTimeDataFrameColumn)column)[rd] = d;
                typed = d;
                break;
            default:
                mostlyDates?.Add(value, line);
                if (index is { } rs) ((StringDataFrameColumn)column)[rs] = value;
                typed = value;
                break;
        }
        return typed;
    }

    /// <summary>The filled column, its spelling remembered for writing back.</summary>
    /// <exception cref="SynthColumnException">Mostly numbers, or mostly dates of one family, with a few other values.</exception>
    public DataFrameColumn Finish()
    {
        if (type == CsvColumnType.MostlyNumbers) throw inference.MostlyNumbersError();
        if (mostlyDates?.Error(inference.Name) is { } error) throw error;
        if (type == CsvColumnType.Number) ColumnSpellings.RememberDecimals(column, inference.Decimals);
        if (type == CsvColumnType.Boolean) ColumnSpellings.Remember((BooleanDataFrameColumn)column, inference.Spelling);
        if (type == CsvColumnType.Date)
            ColumnSpellings.RememberDateFormat((DateTimeDataFrameColumn)column, reproducesPadded > reproducesCommon ? paddedFormat : commonFormat);
        return column;
    }

    /// <summary>
    /// Whether a text column is mostly dates of one family: each family counted until its failures show it cannot reach
    /// the threshold, so a text column costs a few failed parses per family, not one per value.
    /// </summary>
    private sealed class MostlyDates(long present, long minParsed)
    {
        private readonly long[] parsed = new long[CsvValueParser.DateFamilies.Length], failed = new long[CsvValueParser.DateFamilies.Length];
        private readonly (int Line, string Value)?[] firstFailure = new (int, string)?[CsvValueParser.DateFamilies.Length];
        private readonly long allowedFailures = present - minParsed;

        public void Add(string value, int line)
        {
            for (int f = 0; f < parsed.Length; f++)
            {
                if (failed[f] > allowedFailures) continue;
                if (CsvValueParser.TryParseDate(value, CsvValueParser.DateFamilies[f].Formats, out _)) parsed[f]++;
                else
                {
                    failed[f]++;
                    firstFailure[f] ??= (line, value);
                }
            }
        }

        public SynthColumnException? Error(string name)
        {
            int best = -1;
            for (int f = 0; f < parsed.Length; f++)
                if (failed[f] <= allowedFailures && (best < 0 || parsed[f] > parsed[best])) best = f;
            if (best < 0 || firstFailure[best] is not { } first) return null;
            return new SynthColumnException(name,
                $"{parsed[best]} of {present} values are dates, but line {first.Line} has '{first.Value}'. Fix it, or add it to the missing-value tokens if it means 'no value'.");
        }
    }
}
