using System.Text;

namespace SynthCore.Data;

/// <summary>One CSV record: the line it starts on, its fields, and which fields were quoted.</summary>
internal sealed record CsvRecord(int Line, string[] Fields, bool[] Quoted);

/// <summary>
/// An RFC 4180 record reader, hand-written because DataFrame.LoadCsv reports malformed input
/// poorly (no file/line/column) and we need line numbers for every later error. Accepts CRLF, LF
/// and bare CR line ends, quoted fields with delimiters, doubled quotes and line breaks; skips
/// blank lines.
/// </summary>
internal sealed class CsvRecordReader(string text, char delimiter, string path)
{
    /// <summary>
    /// The longest field accepted, in characters. Physical lines are bounded by <see cref="CsvFileBytes.MaxLineBytes"/>;
    /// this bounds a quoted field that runs over many of them (an unclosed quote in a large file, say).
    /// </summary>
    public const int MaxFieldChars = 32 << 20;

    /// <summary>Column names, once known, so errors can name the column instead of a field number.</summary>
    public string[]? Header { get; set; }

    private string FieldName(int index) =>
        Header is not null && index < Header.Length ? $"column '{Header[index]}'" : $"field {index + 1}";

    private SynthFileException TooLong(int line, int field) =>
        new(path, $"line {line}, {FieldName(field)}: the field is longer than {MaxFieldChars / (1 << 20)} Mi characters; a quote may be unclosed, or this is not a CSV table.");

    public IEnumerable<CsvRecord> Records()
    {
        int i = 0, line = 1, n = text.Length;
        var value = new StringBuilder();
        while (i < n)
        {
            if (text[i] == '\n') { i++; line++; continue; }
            if (text[i] == '\r') { i++; if (i < n && text[i] == '\n') i++; line++; continue; }

            int recordLine = line;
            var fields = new List<string>();
            var quoted = new List<bool>();
            while (true)
            {
                value.Clear();
                bool isQuoted = i < n && text[i] == '"';
                if (isQuoted)
                {
                    int quoteLine = line;
                    i++;
                    while (true)
                    {
                        if (i >= n)
                            throw new SynthFileException(path, $"line {quoteLine}, {FieldName(fields.Count)}: a quoted field starting on this line is never closed (unterminated quote).");
                        char c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < n && text[i + 1] == '"') { value.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) line++;
                        if (value.Length >= MaxFieldChars) throw TooLong(quoteLine, fields.Count);
                        value.Append(c);
                        i++;
                    }
                    if (i < n && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                        throw new SynthFileException(path, $"line {line}, {FieldName(fields.Count)}: unexpected '{text[i]}' after a closing quote (quotes inside a quoted field must be doubled: \"\").");
                }
                else
                {
                    int start = i;
                    while (i < n && text[i] != delimiter && text[i] != '\r' && text[i] != '\n') i++;
                    if (i - start > MaxFieldChars) throw TooLong(line, fields.Count);
                    value.Append(text, start, i - start);
                }
                fields.Add(value.ToString());
                quoted.Add(isQuoted);

                if (i >= n) break;
                if (text[i] == delimiter) { i++; continue; }
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') i++;
                i++;
                line++;
                break;
            }
            yield return new CsvRecord(recordLine, fields.ToArray(), quoted.ToArray());
        }
    }
}
