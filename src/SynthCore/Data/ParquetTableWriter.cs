using Parquet;
using Parquet.Schema;

namespace SynthCore.Data;

/// <summary>
/// A Parquet file written in chunks of rows (from <see cref="ParquetTable.CreateWriter"/>): typed columns (integers of
/// their width, doubles, decimals, strings, booleans, timestamps in microseconds), snappy-compressed, in row groups of
/// <see cref="RowGroupRows"/> rows (the last one shorter): smaller chunks are held until they make a group, so that a
/// file written in many small chunks (a shard's blocks) does not have as many row groups, whose metadata the footer
/// keeps in memory until the file is closed. Missing values (null, or NaN in a floating-point column) are
/// written as nulls. The rows go to a temporary file beside the target, moved into place, never over an existing file,
/// on <see cref="Commit"/>.
/// </summary>
public sealed class ParquetTableWriter : ITableFileWriter
{
    /// <summary>The most rows in one row group: readers (DuckDB, Spark) split work by row group.</summary>
    public const int RowGroupRows = 100_000;

    private readonly string path;
    private readonly string temp;
    private FileStream? stream;
    private ParquetWriter? writer;
    private DataField[]? fields;
    private ColumnStorage[]? storages;
    private string[]? columns;
    private bool committed;

    // Chunks appended and not yet written, the first from row pendingStart: fewer than RowGroupRows rows in all.
    private readonly List<DataFrame> pending = [];
    private long pendingStart;
    private long pendingRows;

    internal ParquetTableWriter(string path, string temp)
    {
        this.path = path;
        this.temp = temp;
        try
        {
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SynthFileException(path, $"cannot be written: {e.Message}", e);
        }
    }

    public long Rows { get; private set; }

    public int Columns => columns?.Length ?? 0;

    /// <exception cref="SynthFileException">The disk refused the write.</exception>
    public void Append(DataFrame chunk)
    {
        ObjectDisposedException.ThrowIf(stream is null, this);
        var names = chunk.Columns.Select(c => c.Name).ToArray();
        if (columns is null)
        {
            columns = names;
            storages = chunk.Columns.Select(ColumnStorageExtensions.StorageOf).ToArray();
            fields = chunk.Columns.Select((c, i) => FieldOf(c, storages[i])).ToArray();
        }
        if (!names.SequenceEqual(columns))
            throw new ArgumentException($"The chunk's columns ({string.Join(", ", names)}) differ from the file's ({string.Join(", ", columns)}).", nameof(chunk));
        for (int c = 0; c < names.Length; c++)
            if (ColumnStorageExtensions.StorageOf(chunk.Columns[c]) != storages![c])
                throw new ArgumentException($"Column '{names[c]}' changed type between chunks.", nameof(chunk));
        try
        {
            ParquetTable.Run(async () =>
            {
                writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(fields!), stream!);
                pending.Add(chunk);
                pendingRows += chunk.Rows.Count;
                while (pendingRows >= RowGroupRows) await WritePendingAsync(writer, RowGroupRows);
            });
        }
        catch (IOException e)
        {
            throw new SynthFileException(path, $"cannot be written: {e.Message}", e);
        }
        Rows += chunk.Rows.Count;
    }

    /// <exception cref="SynthFileException">Nothing was appended, the target appeared meanwhile, or the disk refused.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(stream is null, this);
        if (columns is null) throw new InvalidOperationException("Append at least one chunk before committing.");
        TempFile.MoveIntoPlace(temp, path, () =>
        {
            ParquetTable.Run(async () =>
            {
                // A chunk of no rows still gives a file: the schema and no row groups (an empty shard).
                writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(fields!), stream!);
                if (pendingRows > 0) await WritePendingAsync(writer, (int)pendingRows);
                await writer.DisposeAsync();
            });
            writer = null;
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            stream = null;
        });
        committed = true;
    }

    /// <summary>Closes the file; without a commit, deletes what was written.</summary>
    public void Dispose()
    {
        try
        {
            if (writer is not null) ParquetTable.Run(async () => await writer.DisposeAsync());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The file is deleted below; a footer that could not be written does not matter.
        }
        writer = null;
        stream?.Dispose();
        stream = null;
        if (!committed && File.Exists(temp)) File.Delete(temp);
    }

    /// <summary>The first <paramref name="rows"/> pending rows as one row group; the chunks they used up are let go.</summary>
    private async Task WritePendingAsync(ParquetWriter parquet, int rows)
    {
        var ranges = new List<(DataFrame Chunk, long Start, int Count)>();
        int left = rows;
        while (left > 0)
        {
            var chunk = pending[0];
            int count = (int)Math.Min(left, chunk.Rows.Count - pendingStart);
            ranges.Add((chunk, pendingStart, count));
            left -= count;
            pendingStart += count;
            if (pendingStart == chunk.Rows.Count)
            {
                pending.RemoveAt(0);
                pendingStart = 0;
            }
        }
        pendingRows -= rows;
        using var group = parquet.CreateRowGroup();
        for (int c = 0; c < fields!.Length; c++)
            await ParquetValues.WriteAsync(group, fields[c], storages![c], ranges.Select(r => new ColumnRange(r.Chunk.Columns[c], r.Start, r.Count)).ToArray());
    }

    /// <summary>The rows of <paramref name="chunk"/> as row groups of at most <see cref="RowGroupRows"/>.</summary>
    internal static async Task WriteGroupsAsync(ParquetWriter writer, DataField[] fields, ColumnStorage[] storages, DataFrame chunk)
    {
        for (long start = 0; start < chunk.Rows.Count; start += RowGroupRows)
        {
            int count = (int)Math.Min(RowGroupRows, chunk.Rows.Count - start);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < fields.Length; c++)
                await ParquetValues.WriteAsync(group, fields[c], storages[c], chunk.Columns[c], start, count);
        }
    }

    /// <summary>The Parquet field a column is written as.</summary>
    internal static DataField FieldOf(DataFrameColumn column, ColumnStorage storage) => storage switch
    {
        ColumnStorage.Double => new DataField<double?>(column.Name),
        ColumnStorage.Single => new DataField<float?>(column.Name),
        ColumnStorage.Decimal => new DataField<decimal?>(column.Name),
        ColumnStorage.Byte => new DataField<byte?>(column.Name),
        ColumnStorage.SByte => new DataField<sbyte?>(column.Name),
        ColumnStorage.Int16 => new DataField<short?>(column.Name),
        ColumnStorage.UInt16 => new DataField<ushort?>(column.Name),
        ColumnStorage.Int32 => new DataField<int?>(column.Name),
        ColumnStorage.UInt32 => new DataField<uint?>(column.Name),
        ColumnStorage.Int64 => new DataField<long?>(column.Name),
        ColumnStorage.UInt64 => new DataField<ulong?>(column.Name),
        ColumnStorage.String => new DataField<string>(column.Name, true),
        ColumnStorage.Boolean => new DataField<bool?>(column.Name),
        // Times that are all UTC are written as instants (isAdjustedToUTC); any others as wall-clock times.
        ColumnStorage.DateTime => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: ParquetValues.AllUtc(column),
            unit: DateTimeTimeUnit.Micros, isNullable: true),
        _ => throw new ArgumentOutOfRangeException(nameof(storage)),
    };
}
