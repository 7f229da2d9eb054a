namespace SynthCore.Export;

/// <summary>Writes synthetic tables as timestamped CSV (or Parquet) files without ever replacing an existing file.</summary>
public static class CsvExporter
{
    /// <summary>
    /// Writes <paramref name="table"/> to <c>&lt;outDir&gt;/&lt;name&gt;_synthetic_&lt;yyyyMMdd_HHmmss&gt;.csv</c> (the
    /// original notebook's naming), creating <paramref name="outDir"/>. If that file exists, <c>_2</c>,
    /// <c>_3</c>, … is added. The CSV goes to a temporary file in the same directory first and is then
    /// moved into place without overwrite, so a reader never sees half a file and a failure or
    /// cancellation leaves nothing behind.
    /// </summary>
    /// <param name="now">The timestamp to use (local time); the current time when null.</param>
    /// <param name="format">CSV (the default) or Parquet (<c>.parquet</c>, typed columns).</param>
    /// <exception cref="SynthOptionException">The name is empty or contains path characters.</exception>
    /// <exception cref="SynthFileException">The directory or file cannot be written.</exception>
    public static ExportResult ExportTimestamped(DataFrame table, string outDir, string name, DateTime? now = null, TableFormat format = TableFormat.Csv) =>
        ExportTimestamped([table], outDir, name, now, format);

    /// <summary>
    /// As <see cref="ExportTimestamped(DataFrame, string, string, DateTime?)"/>, for rows that arrive in
    /// chunks: each chunk is written as it comes (for example, each is sampled only when the previous
    /// one has been written), so no table ever holds all the rows.
    /// </summary>
    public static ExportResult ExportTimestamped(IEnumerable<DataFrame> chunks, string outDir, string name, DateTime? now = null, TableFormat format = TableFormat.Csv) =>
        Export(chunks, outDir, name, "synthetic", now, format);

    /// <summary>
    /// As <see cref="ExportTimestamped(DataFrame, string, string, DateTime?)"/> for another kind of
    /// result: <c>&lt;outDir&gt;/&lt;name&gt;_&lt;kind&gt;_&lt;yyyyMMdd_HHmmss&gt;.csv</c> (e.g. kind "forecast").
    /// </summary>
    public static ExportResult ExportTimestamped(DataFrame table, string outDir, string name, string kind, DateTime? now = null)
    {
        if (string.IsNullOrWhiteSpace(kind) || kind.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"'{kind}' is not a plain file-name part.", nameof(kind));
        return Export([table], outDir, name, kind, now, TableFormat.Csv);
    }

    private static ExportResult Export(IEnumerable<DataFrame> chunks, string outDir, string name, string kind, DateTime? now, TableFormat format)
    {
        ValidateName(name);
        string stamp = (now ?? DateTime.Now).ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        string baseName = $"{name}_{kind}_{stamp}";
        string directory = Path.GetFullPath(outDir);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(outDir, $"cannot create the output directory: {e.Message}", e);
        }

        string extension = format.Extension();
        string temp = TempFile.Beside(Path.Combine(directory, baseName + extension));
        try
        {
            long rows;
            int columns;
            using (var writer = format.CreateWriter(temp))
            {
                foreach (var chunk in chunks) writer.Append(chunk);
                writer.Commit();
                (rows, columns) = (writer.Rows, writer.Columns);
            }
            string final = FreeFileName.MoveTo(temp, directory, baseName, extension);
            return new ExportResult(final, rows, columns, new FileInfo(final).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(directory, $"cannot write the {(format == TableFormat.Parquet ? "Parquet" : "CSV")} file: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Fails if <paramref name="name"/> is not a plain file name (lets a command check --name before any long work).</summary>
    /// <exception cref="SynthOptionException">The name is empty or contains path characters.</exception>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new SynthOptionException("--name", "the output name is empty.");
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/') || name.Contains('\\') || name is "." or "..")
            throw new SynthOptionException("--name", $"'{name}' is not a plain file name (no directories or path characters).");
    }
}
