using nietras.SeparatedValues;

namespace SynthCore.Data;

/// <summary>
/// An RFC 4180 record reader over a stream of text. Sep splits the records (it measured four times faster than our own
/// splitter, docs/data-formats.md); Sep is lenient about malformed quoting, so each field is taken raw and unquoted
/// here, where an unclosed quote or text after a closing quote is an error naming the file, line and column. Accepts
/// CRLF, LF and bare CR line ends, quoted fields with delimiters, doubled quotes and line breaks; skips blank lines.
/// Two things Sep does differently are reported as <see cref="NotSplittable"/>, and the caller reads the file again with
/// <see cref="CsvRecordReader"/>: a row over 16 Mi characters (the most Sep holds; we accept fields up to
/// <see cref="CsvRecordReader.MaxFieldChars"/>), and a quote inside an unquoted field (Sep opens a quoted section there;
/// we take the quote literally, as before).
/// </summary>
internal sealed class SepRecordReader(TextReader text, char delimiter, string path) : ICsvRecordReader
{
    private const int MaxFieldChars = CsvRecordReader.MaxFieldChars;

    /// <summary>Column names, once known, so errors can name the column instead of a field number.</summary>
    public string[]? Header { get; set; }

    private string FieldName(int index) =>
        Header is not null && index < Header.Length ? $"column '{Header[index]}'" : $"field {index + 1}";

    private SynthFileException TooLong(int line, int field) =>
        new(path, $"line {line}, {FieldName(field)}: the field is longer than {MaxFieldChars / (1 << 20)} Mi characters; a quote may be unclosed, or this is not a CSV table.");

    public IEnumerable<CsvRecord> Records()
    {
        using var reader = Split(() => Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Sep = new Sep(delimiter) }).From(text));
        var value = new StringBuilder();
        // Lines are counted here, not taken from Sep (its row line numbers can be off after quoted fields): each row, blank
        // ones included, ends with one line break, and its own span holds the breaks inside its quoted fields.
        int line = 1;
        while (Split(reader.MoveNext))
        {
            var record = RecordOf(reader.Current, line, value);
            line += LineBreaks(reader.Current.Span) + 1;
            if (record is not null) yield return record;
        }
    }

    /// <summary>Sep's step, what it cannot do reported as <see cref="NotSplittable"/>.</summary>
    private static T Split<T>(Func<T> step)
    {
        try { return step(); }
        // NotSupported: a row over Sep's buffer; Argument: a delimiter Sep does not take (a library caller's choice).
        catch (Exception e) when (e is NotSupportedException or ArgumentException) { throw new NotSplittable(e.Message); }
    }

    /// <summary>A row Sep cannot split as we do: longer than its buffer holds, or with a quote inside an unquoted field (or a delimiter it does not take).</summary>
    public sealed class NotSplittable(string reason) : Exception(reason);

    /// <summary>The row's fields unquoted, or null for a blank line.</summary>
    private CsvRecord? RecordOf(SepReader.Row row, int firstLine, StringBuilder value)
    {
        int count = row.ColCount;
        if (count == 1 && row.Span.Length == 0) return null;
        var fields = new string[count];
        var quoted = new bool[count];
        int line = firstLine;
        for (int c = 0; c < count; c++)
        {
            var raw = row[c].Span;
            if (raw.Length > MaxFieldChars) throw TooLong(line, c);
            quoted[c] = raw.Length > 0 && raw[0] == '"';
            if (!quoted[c] && raw.Contains('"')) throw new NotSplittable($"line {line}: a quote inside an unquoted field.");
            fields[c] = quoted[c] ? Unquote(raw, line, c, value) : raw.ToString();
            line += LineBreaks(raw);
        }
        return new CsvRecord(firstLine, fields, quoted);
    }

    /// <summary>A quoted field's text: the outer quotes removed and doubled quotes halved; anything else is malformed.</summary>
    private string Unquote(ReadOnlySpan<char> raw, int quoteLine, int field, StringBuilder value)
    {
        value.Clear();
        int i = 1;
        while (true)
        {
            int next = raw[i..].IndexOf('"');
            if (next < 0)
                throw new SynthFileException(path, $"line {quoteLine}, {FieldName(field)}: a quoted field starting on this line is never closed (unterminated quote).");
            value.Append(raw.Slice(i, next));
            i += next;
            if (i + 1 < raw.Length && raw[i + 1] == '"') { value.Append('"'); i += 2; continue; }
            i++;
            break;
        }
        if (i < raw.Length)
        {
            int line = quoteLine + LineBreaks(raw[..i]);
            throw new SynthFileException(path, $"line {line}, {FieldName(field)}: unexpected '{raw[i]}' after a closing quote (quotes inside a quoted field must be doubled: \"\").");
        }
        return value.ToString();
    }

    /// <summary>Line ends in <paramref name="text"/>: LF, CRLF and a bare CR each count once.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        int breaks = text.Count('\n');
        for (int i = text.IndexOf('\r'); i >= 0; i = text[(i + 1)..].IndexOf('\r') is int j and >= 0 ? i + 1 + j : -1)
            if (i + 1 >= text.Length || text[i + 1] != '\n') breaks++;
        return breaks;
    }
}
