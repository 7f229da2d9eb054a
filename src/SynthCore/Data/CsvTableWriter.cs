namespace SynthCore.Data;

/// <summary>
/// A CSV file written in chunks of rows (from <see cref="CsvTable.CreateWriter"/>): the rows go to a
/// temporary file beside the target, which is moved into place, never over an existing file, on
/// <see cref="Commit"/>. Lets millions of sampled rows reach disk without one table holding them all.
/// </summary>
public sealed class CsvTableWriter : ITableFileWriter
{
    private readonly string path;
    private readonly string temp;
    private StreamWriter? writer;
    private string?[]? dateFormats;
    private string[]? columns;
    private bool committed;

    internal CsvTableWriter(string path, string temp)
    {
        this.path = path;
        this.temp = temp;
        writer = Open(temp, path);
    }

    /// <summary>Rows appended so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Columns of the file (those of the first chunk).</summary>
    public int Columns => columns?.Length ?? 0;

    /// <summary>Appends the rows of <paramref name="chunk"/>, whose columns must be those of the first chunk.</summary>
    /// <exception cref="SynthFileException">The disk refused the write.</exception>
    public void Append(DataFrame chunk)
    {
        ObjectDisposedException.ThrowIf(writer is null, this);
        var names = chunk.Columns.Select(c => c.Name).ToArray();
        columns ??= names;
        if (!names.SequenceEqual(columns))
            throw new ArgumentException($"The chunk's columns ({string.Join(", ", names)}) differ from the file's ({string.Join(", ", columns)}).", nameof(chunk));
        try
        {
            CsvTable.AppendRows(writer, chunk, ref dateFormats);
        }
        catch (IOException e)
        {
            throw new SynthFileException(path, $"cannot be written: {e.Message}", e);
        }
        Rows += chunk.Rows.Count;
    }

    /// <summary>
    /// Bytes a row takes in a CSV file, measured by writing <paramref name="probe"/> (a few rows like those
    /// to come): what the disk check multiplies by the rows asked for.
    /// </summary>
    public static long BytesPerRow(DataFrame probe)
    {
        if (probe.Rows.Count == 0) return 1;
        var text = new StringWriter();
        string?[]? dateFormats = null;
        CsvTable.AppendRows(text, probe, ref dateFormats);
        // The header is written once per file; a whole row more per row is a margin for longer values.
        return Math.Max(1, 2 * System.Text.Encoding.UTF8.GetByteCount(text.ToString()) / (probe.Rows.Count + 1));
    }

    /// <summary>Finishes the file and moves it into place.</summary>
    /// <exception cref="SynthFileException">Nothing was appended, the target appeared meanwhile, or the disk refused.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(writer is null, this);
        if (columns is null) throw new InvalidOperationException("Append at least one chunk before committing.");
        TempFile.MoveIntoPlace(temp, path, () =>
        {
            writer.Dispose();
            writer = null;
        });
        committed = true;
    }

    /// <summary>Closes the file; without a commit, deletes what was written.</summary>
    public void Dispose()
    {
        writer?.Dispose();
        writer = null;
        if (!committed && File.Exists(temp)) File.Delete(temp);
    }

    private static StreamWriter Open(string temp, string path)
    {
        try
        {
            return new StreamWriter(temp, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be written: {e.Message}", e);
        }
    }
}
