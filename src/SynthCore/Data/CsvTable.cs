namespace SynthCore.Data;

/// <summary>Reads and writes tables as CSV files (RFC 4180, UTF-8, invariant culture).</summary>
public static class CsvTable
{
    /// <summary>
    /// Reads a CSV file with a header row into a table: numbers (integers too) become
    /// <see cref="DoubleDataFrameColumn"/>, true/false/yes/no <see cref="BooleanDataFrameColumn"/>, dates
    /// <see cref="DateTimeDataFrameColumn"/>, anything else <see cref="StringDataFrameColumn"/>. Missing-value
    /// tokens become nulls; a quoted value is taken literally unless it is empty. The file is streamed twice, never
    /// held whole: the first pass decides each column's kind over all its values, the second fills the typed columns.
    /// </summary>
    /// <exception cref="SynthFileException">Missing, unreadable, empty or malformed file; names the line.</exception>
    /// <exception cref="SynthColumnException">A mostly numeric (or date) column with a few other values; names the first and its line.</exception>
    public static DataFrame Read(string path, CsvReadOptions? options = null) => Read(path, options ?? new CsvReadOptions(), null, null);

    /// <summary>
    /// Reads the rows <paramref name="sample"/> keeps (every row when null), offering it each row's index in the first
    /// pass, and shows <paramref name="observe"/> every row in the second: its index, whether it is kept, and its typed
    /// values (null when missing; the array is reused for the next row).
    /// </summary>
    internal static DataFrame Read(string path, CsvReadOptions options, RowReservoir? sample, Action<long, bool, object?[]>? observe)
    {
        var open = CsvFileBytes.Open(path, wholeTable: sample is null);
        var missing = new HashSet<string>(CsvReadOptions.DefaultMissingTokens.Concat(options.ExtraMissingTokens).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        char delimiter = DelimiterOf(open, options);
        var splitting = new Splitting();

        // First pass: the record structure is checked and each column's kind decided over all its values.
        string[]? names = null;
        CsvColumnInference[] inferences = [];
        long rows = 0;
        foreach (var (header, record) in Records(open, delimiter, path, splitting))
        {
            if (names is null)
            {
                names = header;
                inferences = names.Select(n => new CsvColumnInference(n)).ToArray();
            }
            sample?.Offer();
            rows++;
            for (int c = 0; c < names.Length; c++)
                if (Cell(record, c, missing) is { } value) inferences[c].Add(value, record.Line);
        }
        if (names is null) throw new SynthFileException(path, "the file has a header but no data rows.");

        var types = inferences.Select(i => i.Type(options)).ToArray();
        // A mostly-numbers column is known now; report it at once unless an earlier text column could be mostly dates (which the second pass finds).
        int firstError = Array.IndexOf(types, CsvColumnType.MostlyNumbers);
        if (firstError >= 0 && !types.Take(firstError).Contains(CsvColumnType.Text)) throw inferences[firstError].MostlyNumbersError();

        // Second pass: each value parsed once into its typed column (the kept rows only), and shown to the observer.
        long[] kept = sample?.Kept() ?? [];
        long keptRows = sample is null ? rows : kept.Length;
        var fills = inferences.Select((inference, c) => new CsvColumnFill(inference, types[c], keptRows, options)).ToArray();
        long row = 0, next = 0;
        var values = new object?[fills.Length];
        foreach (var (_, record) in Records(open, delimiter, path, splitting))
        {
            long? index = null;
            if (sample is null) index = row;
            else if (next < kept.Length && kept[next] == row) index = next++;
            for (int c = 0; c < fills.Length; c++) values[c] = fills[c].Add(Cell(record, c, missing), record.Line, index);
            observe?.Invoke(row, index is not null, values);
            row++;
        }
        return new DataFrame(fills.Select(f => f.Finish()));
    }

    /// <summary>Which splitter a file's passes use: Sep until a row it cannot split as we do, then our own reader for every later pass.</summary>
    private sealed class Splitting
    {
        public bool OwnReader { get; set; }
    }

    /// <summary>
    /// The data records after the header, each with the header (checked, and every record's field count with it). Split by
    /// Sep; from a row Sep cannot split as we do, the file is read again by our own reader, past the records already given,
    /// and later passes use our own reader from the start.
    /// </summary>
    private static IEnumerable<(string[] Header, CsvRecord Record)> Records(Func<Stream> open, char delimiter, string path, Splitting splitting)
    {
        if (splitting.OwnReader)
        {
            foreach (var record in Records(open, delimiter, path, text => new CsvRecordReader(text, delimiter, path))) yield return record;
            yield break;
        }
        long given = 0;
        using (var sep = Records(open, delimiter, path, text => new SepRecordReader(text, delimiter, path)).GetEnumerator())
        {
            while (true)
            {
                try
                {
                    if (!sep.MoveNext()) yield break;
                }
                catch (SepRecordReader.NotSplittable)
                {
                    splitting.OwnReader = true;
                    break;
                }
                given++;
                yield return sep.Current;
            }
        }
        long skipped = 0;
        foreach (var record in Records(open, delimiter, path, text => new CsvRecordReader(text, delimiter, path)))
            if (skipped++ >= given) yield return record;
    }

    private static IEnumerable<(string[] Header, CsvRecord Record)> Records(Func<Stream> open, char delimiter, string path, Func<TextReader, ICsvRecordReader> split)
    {
        using var text = new StreamReader(open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = split(text);
        using var records = reader.Records().GetEnumerator();
        if (!records.MoveNext())
            throw new SynthFileException(path, "the file is empty (a header row and at least one data row are needed).");
        var header = records.Current;
        string[]? names = header.Fields.All(string.IsNullOrWhiteSpace) ? null : CheckHeader(path, header);
        reader.Header = names;
        bool any = records.MoveNext();
        if (names is null)
        {
            if (!any) throw new SynthFileException(path, "the file is empty (a header row and at least one data row are needed).");
            names = CheckHeader(path, header);
        }
        if (!any) throw new SynthFileException(path, "the file has a header but no data rows.");
        do
        {
            var record = records.Current;
            if (record.Fields.Length != names.Length)
                throw new SynthFileException(path, $"line {record.Line}: expected {names.Length} fields as in the header, found {record.Fields.Length}.");
            yield return (names, record);
        } while (records.MoveNext());
    }

    /// <summary>The field of column <paramref name="c"/>, or null when missing (a quoted value is missing only when empty).</summary>
    private static string? Cell(CsvRecord record, int c, HashSet<string> missing)
    {
        string field = record.Fields[c];
        bool isMissing = record.Quoted[c] ? field.Length == 0 : missing.Contains(field.Trim());
        return isMissing ? null : field;
    }

    /// <summary>A date in any format the reader accepts in a date column ("2024-08-07", "8/7/2024", "7 Aug 2024", …).</summary>
    public static bool TryParseDate(string text, out DateTime value) => CsvValueParser.TryParseDate(text, out value);

    /// <summary>The configured delimiter, or the one the header line evidently uses (see <see cref="CsvReadOptions.DetectDelimiter"/>).</summary>
    private static char DelimiterOf(Func<Stream> open, CsvReadOptions options)
    {
        if (!options.DetectDelimiter) return options.Delimiter;
        string header = HeaderLine(open);
        if (header.Contains(options.Delimiter)) return options.Delimiter;
        char[] used = [.. ";\t|".Where(c => header.Contains(c))];
        return used.Length == 1 ? used[0] : options.Delimiter;
    }

    /// <summary>The file's first line (its first mebi-character at most: a longer line is refused as the file is read).</summary>
    private static string HeaderLine(Func<Stream> open)
    {
        using var text = new StreamReader(open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[1 << 20];
        int length = text.ReadBlock(buffer, 0, buffer.Length);
        int end = buffer.AsSpan(0, length).IndexOf('\n');
        return new string(buffer, 0, end < 0 ? length : end);
    }

    private static string[] CheckHeader(string path, CsvRecord header)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Fields.Length; c++)
        {
            string name = header.Fields[c];
            if (string.IsNullOrWhiteSpace(name))
                throw new SynthFileException(path, $"line {header.Line}: column {c + 1} of the header has an empty name.");
            if (!seen.TryAdd(name, c))
                throw new SynthFileException(path, $"line {header.Line}: column name '{name}' appears twice (columns {seen[name] + 1} and {c + 1}).");
        }
        return header.Fields;
    }

    /// <summary>
    /// Writes <paramref name="table"/> as CSV: numbers, dates and booleans as they were read (<see cref="ColumnSpellings"/>:
    /// a column's fixed decimals, date format, yes/no; else invariant shortest round-trip numbers, integral values without
    /// ".0", ISO 8601 dates, date only when a column has no times, and true/false), nulls as empty fields, quoting where needed. Never
    /// overwrites: an existing file is an error.
    /// </summary>
    /// <exception cref="SynthFileException">The file exists or cannot be written.</exception>
    public static void Write(DataFrame table, string path)
    {
        using var writer = CreateWriter(path);
        writer.Append(table);
        writer.Commit();
    }

    /// <summary>Writes <paramref name="table"/> as CSV to <paramref name="writer"/>, as <see cref="Write(DataFrame, string)"/> writes a file.</summary>
    public static void Write(DataFrame table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        string?[]? dateFormats = null;
        AppendRows(writer, table, ref dateFormats);
        writer.Flush();
    }

    /// <summary>
    /// Starts a CSV file that is written chunk by chunk (<see cref="CsvTableWriter.Append"/>) and
    /// appears at <paramref name="path"/> only on <see cref="CsvTableWriter.Commit"/>; disposing
    /// without committing leaves nothing behind.
    /// </summary>
    /// <exception cref="SynthFileException">The file exists or its folder does not.</exception>
    public static CsvTableWriter CreateWriter(string path) => new(path, TempFile.ForNew(path));

    /// <summary>Appends the rows of <paramref name="table"/> (with a header first when <paramref name="dateFormats"/> is being decided).</summary>
    internal static void AppendRows(TextWriter writer, DataFrame table, ref string?[]? dateFormats)
    {
        var columns = table.Columns.ToArray();
        if (dateFormats is null)
        {
            // The first chunk decides how each date column is written, so the file keeps one format.
            dateFormats = columns.Select(c => c is DateTimeDataFrameColumn d ? DateFormatOf(d) : null).ToArray();
            writer.Write(string.Join(',', columns.Select(c => Quote(c.Name))));
            writer.Write("\r\n");
        }
        var spellings = columns.Select(c => ColumnSpellings.Of(c) ?? BooleanSpelling.Default).ToArray();
        var decimals = columns.Select(ColumnSpellings.DecimalsOf).ToArray();
        var line = new StringBuilder();
        for (long r = 0; r < table.Rows.Count; r++)
        {
            line.Clear();
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(Format(columns[c][r], dateFormats[c], spellings[c], decimals[c]));
            }
            line.Append("\r\n");
            writer.Write(line);
        }
    }

    private const string IsoDate = "yyyy-MM-dd", IsoDateTime = "o";

    /// <summary>The format a date column was read in (<see cref="ColumnSpellings"/>) when it can hold the column's times; else ISO 8601, date only when no value has a time.</summary>
    private static string DateFormatOf(DateTimeDataFrameColumn column)
    {
        bool midnight = AllMidnight(column);
        if (ColumnSpellings.DateFormatOf(column) is { } read && (midnight || read.IndexOfAny(['H', 'h']) >= 0)) return read;
        return midnight ? IsoDate : IsoDateTime;
    }

    private static bool AllMidnight(DateTimeDataFrameColumn column)
    {
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } d && (d.TimeOfDay != TimeSpan.Zero || d.Kind == DateTimeKind.Utc)) return false;
        return true;
    }

    internal static string FormatDate(DateTime d, bool dateOnly) =>
        dateOnly ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + (d.Kind == DateTimeKind.Utc ? "Z" : "");

    private static string Format(object? value, string? dateFormat, BooleanSpelling spelling, int? decimals) => value switch
    {
        null => "",
        double x when double.IsNaN(x) => "",
        float x when float.IsNaN(x) => "",
        double x when decimals is { } d && double.IsFinite(x) => FixedDecimals.Format(x, d),
        float x when decimals is { } d && float.IsFinite(x) => FixedDecimals.Format(x, d),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => dateFormat switch
        {
            null or IsoDateTime => FormatDate(d, dateOnly: false),
            IsoDate => FormatDate(d, dateOnly: true),
            _ => Quote(d.ToString(dateFormat, CultureInfo.InvariantCulture)),
        },
        bool b => spelling.Format(b),
        string s => Quote(s, quoteMissingTokens: true),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? ""),
    };

    private static readonly HashSet<string> MissingTokens = new(CsvReadOptions.DefaultMissingTokens, StringComparer.OrdinalIgnoreCase);

    private static string Quote(string s) => Quote(s, quoteMissingTokens: false);

    // Text that reads back as a missing token ("NA") is quoted so it stays text; the reader takes quoted values literally.
    private static string Quote(string s, bool quoteMissingTokens)
    {
        bool needs = s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])))
                     || (quoteMissingTokens && s.Length > 0 && MissingTokens.Contains(s.Trim()));
        return needs ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
