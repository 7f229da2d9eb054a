namespace SynthCore.Data;

/// <summary>
/// Our RFC 4180 record reader over a stream of text, a window of it in memory at a time. <see cref="SepRecordReader"/>
/// splits faster and is used first; this one reads what Sep cannot hold (a row over 16 Mi characters). Accepts CRLF, LF
/// and bare CR line ends, quoted fields with delimiters, doubled quotes and line breaks; skips blank lines.
/// </summary>
internal sealed class CsvRecordReader(TextReader text, char delimiter, string path) : ICsvRecordReader
{
    /// <summary>
    /// The longest field accepted, in characters. Physical lines are bounded by <see cref="CsvFileBytes.MaxLineBytes"/>;
    /// this bounds a quoted field that runs over many of them (an unclosed quote in a large file, say).
    /// </summary>
    public const int MaxFieldChars = 32 << 20;

    private readonly char[] buffer = new char[1 << 16];
    private int position, length;

    public string[]? Header { get; set; }

    private string FieldName(int index) =>
        Header is not null && index < Header.Length ? $"column '{Header[index]}'" : $"field {index + 1}";

    private SynthFileException TooLong(int line, int field) =>
        new(path, $"line {line}, {FieldName(field)}: the field is longer than {MaxFieldChars / (1 << 20)} Mi characters; a quote may be unclosed, or this is not a CSV table.");

    /// <summary>The character <paramref name="ahead"/> places on (0 or 1), or -1 at the end of the text.</summary>
    private int Peek(int ahead = 0)
    {
        if (position + ahead >= length)
        {
            // Keep the unread characters and fill the rest of the window.
            int left = length - position;
            Array.Copy(buffer, position, buffer, 0, left);
            (position, length) = (0, left);
            int read;
            while (length <= ahead && (read = text.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            if (length <= ahead) return -1;
        }
        return buffer[position + ahead];
    }

    public IEnumerable<CsvRecord> Records()
    {
        int line = 1;
        var value = new StringBuilder();
        while (Peek() >= 0)
        {
            if (Peek() == '\n') { position++; line++; continue; }
            if (Peek() == '\r') { position++; if (Peek() == '\n') position++; line++; continue; }

            int recordLine = line;
            var fields = new List<string>();
            var quoted = new List<bool>();
            while (true)
            {
                value.Clear();
                bool isQuoted = Peek() == '"';
                if (isQuoted)
                {
                    int quoteLine = line;
                    position++;
                    while (true)
                    {
                        int c = Peek();
                        if (c < 0)
                            throw new SynthFileException(path, $"line {quoteLine}, {FieldName(fields.Count)}: a quoted field starting on this line is never closed (unterminated quote).");
                        if (c == '"')
                        {
                            if (Peek(1) == '"') { value.Append('"'); position += 2; continue; }
                            position++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && Peek(1) != '\n')) line++;
                        if (value.Length >= MaxFieldChars) throw TooLong(quoteLine, fields.Count);
                        value.Append((char)c);
                        position++;
                    }
                    int after = Peek();
                    if (after >= 0 && after != delimiter && after != '\r' && after != '\n')
                        throw new SynthFileException(path, $"line {line}, {FieldName(fields.Count)}: unexpected '{(char)after}' after a closing quote (quotes inside a quoted field must be doubled: \"\").");
                }
                else
                {
                    int c;
                    while ((c = Peek()) >= 0 && c != delimiter && c != '\r' && c != '\n')
                    {
                        value.Append((char)c);
                        position++;
                        if (value.Length <= MaxFieldChars) continue;
                        // Read on to the line's end first: an endless line (/dev/zero) is refused as such by the byte checks.
                        while ((c = Peek()) >= 0 && c != delimiter && c != '\r' && c != '\n') position++;
                        throw TooLong(line, fields.Count);
                    }
                }
                fields.Add(value.ToString());
                quoted.Add(isQuoted);

                int end = Peek();
                if (end < 0) break;
                position++;
                if (end == delimiter) continue;
                if (end == '\r' && Peek() == '\n') position++;
                line++;
                break;
            }
            yield return new CsvRecord(recordLine, fields.ToArray(), quoted.ToArray());
        }
    }
}
