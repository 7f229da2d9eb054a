using Parquet;
using Parquet.Schema;

namespace SynthCore.Data;

/// <summary>
/// Reads Parquet files (Parquet.Net, fully managed) into typed DataFrame columns: a file, or a folder of them read in
/// file-name order as one table, one row group at a time. Integers keep their width, floating-point numbers and
/// decimals stay numbers, text stays text (kinds are then detected as for a CSV), booleans stay booleans, timestamps
/// become <see cref="DateTime"/>s (UTC ones with <see cref="DateTimeKind.Utc"/>), and nulls stay missing.
/// </summary>
public static class ParquetTable
{
    /// <exception cref="SynthFileException">The file or folder is missing, not Parquet, has a column we cannot read, or the folder's files disagree.</exception>
    public static DataFrame Read(string path)
    {
        var files = FilesOf(path);
        return Run(() => ReadAsync(files));
    }

    /// <summary>
    /// Reads the table (a file, or a folder of them) one row group at a time, never whole: <paramref name="start"/> gets
    /// the table's row count (from the footers), then <paramref name="group"/> each row group as its own table, in order.
    /// </summary>
    /// <exception cref="SynthFileException">As <see cref="Read"/>.</exception>
    internal static void ReadGroups(string path, Action<long> start, Action<DataFrame> group)
    {
        var files = FilesOf(path);
        Run(async () =>
        {
            var (fields, rows) = await FootersAsync(files);
            start(rows);
            foreach (var file in files)
            {
                await using var reader = await Open(file);
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var rowGroup = reader.OpenRowGroupReader(g);
                    int count = checked((int)rowGroup.RowCount);
                    var columns = fields.Select(f => ParquetColumn.For(f, count)).ToArray();
                    await ReadGroupAsync(file, reader.Schema.DataFields, rowGroup, g, columns, count, 0);
                    group(new DataFrame(columns.Select(c => c.Column)));
                }
            }
        });
    }

    /// <summary>Starts a Parquet file written a chunk at a time (a row group per chunk, at most <see cref="ParquetTableWriter.RowGroupRows"/> rows each).</summary>
    /// <exception cref="SynthFileException">The file exists or its folder does not.</exception>
    public static ParquetTableWriter CreateWriter(string path) => new(path, TempFile.ForNew(path));

    /// <summary>
    /// Writes <paramref name="table"/> as a whole Parquet file to <paramref name="stream"/> (left open), as
    /// <see cref="ParquetTableWriter"/> writes its chunks: for a caller that owns the file, e.g. one written to a temporary
    /// file and moved into place.
    /// </summary>
    public static void Write(DataFrame table, Stream stream)
    {
        var storages = table.Columns.Select(ColumnStorageExtensions.StorageOf).ToArray();
        var fields = table.Columns.Select((c, i) => ParquetTableWriter.FieldOf(c, storages[i])).ToArray();
        Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            await ParquetTableWriter.WriteGroupsAsync(writer, fields, storages, table);
        });
    }

    /// <summary>The file itself, or the folder's <c>*.parquet</c> files in ordinal name order.</summary>
    private static string[] FilesOf(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.parquet").Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0) throw new SynthFileException(path, "the folder holds no .parquet files.");
            return files;
        }
        if (!File.Exists(path)) throw new SynthFileException(path, "no such file.");
        return [path];
    }

    private static async Task<DataFrame> ReadAsync(string[] files)
    {
        // Opened twice: first every footer (schemas agree, rows counted, so columns are allocated once), then the data.
        var (fields, rows) = await FootersAsync(files);
        var columns = fields.Select(f => ParquetColumn.For(f, rows)).ToArray();
        long offset = 0;
        foreach (var file in files)
        {
            await using var reader = await Open(file);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                await ReadGroupAsync(file, reader.Schema.DataFields, group, g, columns, count, offset);
                offset += count;
            }
        }
        return new DataFrame(columns.Select(c => c.Column));
    }

    /// <summary>Every file's footer: the columns (checked to agree across files) and the rows in all.</summary>
    private static async Task<(DataField[] Fields, long Rows)> FootersAsync(string[] files)
    {
        DataField[]? fields = null;
        long rows = 0;
        foreach (var file in files)
        {
            await using var reader = await Open(file);
            var these = FieldsOf(file, reader.Schema);
            if (fields is null) fields = these;
            else Agree(files[0], file, fields, these);
            rows += reader.RowGroups.Sum(g => g.RowCount);
        }
        return (fields!, rows);
    }

    private static async Task ReadGroupAsync(string file, DataField[] fileFields, ParquetRowGroupReader group, int g, ParquetColumn[] columns, int count, long offset)
    {
        for (int c = 0; c < columns.Length; c++)
        {
            try
            {
                await columns[c].ReadAsync(group, fileFields[c], count, offset);
            }
            catch (Exception e) when (e is not SynthException and not OutOfMemoryException)
            {
                throw new SynthFileException(file, $"column '{fileFields[c].Name}', row group {g}: cannot be read: {e.Message}", e);
            }
        }
    }

    private static async Task<ParquetReader> Open(string file)
    {
        try
        {
            var stream = File.OpenRead(file);
            try
            {
                return await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: false);
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ParquetException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            throw new SynthFileException(file, $"is not a readable Parquet file: {e.Message}", e);
        }
    }

    /// <summary>The file's columns: flat fields only (lists, maps and structs have no place in a table of ours).</summary>
    private static DataField[] FieldsOf(string file, ParquetSchema schema)
    {
        foreach (var field in schema.Fields)
            if (field is not DataField { IsArray: false })
                throw new SynthFileException(file, $"column '{field.Name}' is a nested {field.SchemaType.ToString().ToLowerInvariant()} field; only flat columns can be read (flatten it first).");
        var fields = schema.DataFields;
        if (fields.Length == 0) throw new SynthFileException(file, "the file has no columns.");
        foreach (var field in fields) ParquetColumn.Check(file, field);
        return fields;
    }

    private static void Agree(string first, string file, DataField[] expected, DataField[] actual)
    {
        var want = expected.Select(f => f.Name).ToArray();
        var got = actual.Select(f => f.Name).ToArray();
        if (!want.SequenceEqual(got))
            throw new SynthFileException(file, $"its columns ({string.Join(", ", got)}) differ from those of {Path.GetFileName(first)} ({string.Join(", ", want)}); every file of a folder must have the same columns.");
        for (int c = 0; c < expected.Length; c++)
            if (expected[c].ClrType != actual[c].ClrType)
                throw new SynthFileException(file, $"column '{actual[c].Name}' holds {actual[c].ClrType.Name} values, but {expected[c].ClrType.Name} in {Path.GetFileName(first)}.");
    }

    // Parquet.Net's API is asynchronous; our readers are not. Run on the thread pool so no caller's
    // synchronisation context (a notebook kernel's) can deadlock the wait.
    internal static T Run<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    internal static void Run(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();
}
