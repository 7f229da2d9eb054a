using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace SynthCore.Data;

/// <summary>Reads and writes tables as CSV files (RFC 4180, UTF-8, invariant culture).</summary>
public static class CsvTable
{
    /// <summary>
    /// Reads a CSV file with a header row into a table: numbers (integers too) become
    /// <see cref="DoubleDataFrameColumn"/>, true/false/yes/no <see cref="BooleanDataFrameColumn"/>, dates
    /// <see cref="DateTimeDataFrameColumn"/>, anything else <see cref="StringDataFrameColumn"/>. Missing-value
    /// tokens become nulls; a quoted value is taken literally unless it is empty.
    /// </summary>
    /// <exception cref="SynthFileException">Missing, unreadable, empty or malformed file; names the line.</exception>
    /// <exception cref="SynthColumnException">A mostly numeric (or date) column with a few other values; names the first and its line.</exception>
    public static DataFrame Read(string path, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        string text = ReadText(path);
        if (string.IsNullOrWhiteSpace(text))
            throw new SynthFileException(path, "the file is empty (a header row and at least one data row are needed).");

        var missing = new HashSet<string>(CsvReadOptions.DefaultMissingTokens.Concat(options.ExtraMissingTokens).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        var reader = new CsvRecordReader(text, DelimiterOf(text, options), path);
        using var records = reader.Records().GetEnumerator();
        if (!records.MoveNext())
            throw new SynthFileException(path, "the file is empty (a header row and at least one data row are needed).");
        string[] names = CheckHeader(path, records.Current);
        reader.Header = names;

        var cells = names.Select(_ => new List<string?>()).ToArray();
        var lines = new List<int>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Length != names.Length)
                throw new SynthFileException(path, $"line {record.Line}: expected {names.Length} fields as in the header, found {record.Fields.Length}.");
            lines.Add(record.Line);
            for (int c = 0; c < names.Length; c++)
            {
                string field = record.Fields[c];
                bool isMissing = record.Quoted[c] ? field.Length == 0 : missing.Contains(field.Trim());
                cells[c].Add(isMissing ? null : field);
            }
        }
        if (lines.Count == 0)
            throw new SynthFileException(path, "the file has a header but no data rows.");

        return new DataFrame(names.Select((name, c) => BuildColumn(name, cells[c], lines, options)));
    }

    /// <summary>A date in any format the reader accepts in a date column ("2024-08-07", "8/7/2024", "7 Aug 2024", …).</summary>
    public static bool TryParseDate(string text, out DateTime value) => CsvValueParser.TryParseDate(text, out value);

    /// <summary>The configured delimiter, or the one the header line evidently uses (see <see cref="CsvReadOptions.DetectDelimiter"/>).</summary>
    private static char DelimiterOf(string text, CsvReadOptions options)
    {
        if (!options.DetectDelimiter) return options.Delimiter;
        int end = text.IndexOf('\n');
        string header = end < 0 ? text : text[..end];
        if (header.Contains(options.Delimiter)) return options.Delimiter;
        char[] used = [.. ";\t|".Where(c => header.Contains(c))];
        return used.Length == 1 ? used[0] : options.Delimiter;
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path)) throw new SynthFileException(path, "is a directory, not a CSV file.");
        if (!File.Exists(path)) throw new SynthFileException(path, "no such file.");
        byte[] bytes = CsvFileBytes.Read(path);

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            throw new SynthFileException(path, "the file is UTF-16 or UTF-32 text (it starts with that byte-order mark); save it as UTF-8.");
        if (LooksLikeUtf16(bytes))
            throw new SynthFileException(path, "the file looks like UTF-16 text without a byte-order mark (every other byte is zero); save it as UTF-8.");
        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            int line = 1 + bytes.AsSpan(start, Math.Clamp(e.Index, 0, bytes.Length - start)).Count((byte)'\n');
            throw CsvFileBytes.NotUtf8(path, line, e);
        }
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: in its first bytes, nearly every pair has exactly one zero byte, always on the
    /// same side (ASCII text in UTF-16LE or BE). Otherwise it would pass as UTF-8 and fail later as a puzzling field count.
    /// </summary>
    private static bool LooksLikeUtf16(byte[] bytes)
    {
        int pairs = Math.Min(bytes.Length, 256) / 2;
        if (pairs < 2) return false;
        int zeroSecond = 0, zeroFirst = 0;
        for (int i = 0; i < pairs; i++)
        {
            byte a = bytes[2 * i], b = bytes[2 * i + 1];
            if (a != 0 && b == 0) zeroSecond++;
            else if (a == 0 && b != 0) zeroFirst++;
        }
        return Math.Max(zeroSecond, zeroFirst) >= 0.9 * pairs;
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

    private static DataFrameColumn BuildColumn(string name, List<string?> cells, List<int> lines, CsvReadOptions options)
    {
        var present = cells.Where(v => v is not null).Select(v => v!).ToList();
        if (present.Count == 0) return new StringDataFrameColumn(name, cells);

        var numbers = new double?[cells.Count];
        int numeric = 0;
        for (int r = 0; r < cells.Count; r++)
            if (cells[r] is { } v && CsvValueParser.TryParseNumber(v, out double x)) { numbers[r] = x; numeric++; }
        if (numeric == present.Count)
        {
            var column = new DoubleDataFrameColumn(name, numbers);
            ColumnSpellings.RememberDecimals(column, FixedDecimals.Of(present));
            return column;
        }

        if (present.All(v => CsvValueParser.TryParseBool(v, out _)))
        {
            var booleans = new BooleanDataFrameColumn(name, cells.Select(v => v is null ? (bool?)null : CsvValueParser.TryParseBool(v, out bool b) && b));
            ColumnSpellings.Remember(booleans, BooleanSpelling.Of(present));
            return booleans;
        }

        if (CsvValueParser.FindDateFamily(present) is { } formats)
        {
            var dates = new DateTimeDataFrameColumn(name, cells.Select(v => v is null ? (DateTime?)null : Parse(v, formats)));
            ColumnSpellings.RememberDateFormat(dates, CsvValueParser.WrittenFormat(present, formats));
            return dates;
        }

        if (numeric >= options.MostlyTypedThreshold * present.Count)
        {
            int r = cells.FindIndex(v => v is not null && !CsvValueParser.TryParseNumber(v, out _));
            throw new SynthColumnException(name,
                $"{numeric} of {present.Count} values are numbers, but line {lines[r]} has '{cells[r]}'. Fix it, or add it to the missing-value tokens if it means 'no value'.");
        }

        int minDates = (int)Math.Ceiling(options.MostlyTypedThreshold * present.Count);
        if (CsvValueParser.MostlyDateFamily(present, minDates) is { } bestFormats)
        {
            int dates = present.Count(v => CsvValueParser.TryParseDate(v, bestFormats, out _));
            int r = cells.FindIndex(v => v is not null && !CsvValueParser.TryParseDate(v, bestFormats, out _));
            throw new SynthColumnException(name,
                $"{dates} of {present.Count} values are dates, but line {lines[r]} has '{cells[r]}'. Fix it, or add it to the missing-value tokens if it means 'no value'.");
        }

        return new StringDataFrameColumn(name, cells);
    }

    private static DateTime Parse(string value, string[] formats)
    {
        CsvValueParser.TryParseDate(value, formats, out DateTime d);
        return d;
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
    public static CsvTableWriter CreateWriter(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
            throw new SynthFileException(path, "already exists; refusing to overwrite it.");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new SynthFileException(path, $"the folder '{directory}' does not exist.");
        return new CsvTableWriter(path, TempFile.Beside(path));
    }

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
