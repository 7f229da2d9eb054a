using Parquet;
using Parquet.Schema;

namespace SynthCore.Data;

/// <summary>A DataFrame column's rows as the typed, nullable arrays a Parquet row group is written from.</summary>
internal static class ParquetValues
{
    public static Task WriteAsync(ParquetRowGroupWriter group, DataField field, ColumnStorage storage, DataFrameColumn column, long start, int count) =>
        WriteAsync(group, field, storage, [new ColumnRange(column, start, count)]);

    /// <summary>One column of a row group from consecutive ranges of rows, one after another (chunks joined into one group).</summary>
    public static Task WriteAsync(ParquetRowGroupWriter group, DataField field, ColumnStorage storage, IReadOnlyList<ColumnRange> ranges) => storage switch
    {
        ColumnStorage.Double => Write<double>(group, field, ranges, v => double.IsNaN(v) ? null : v),
        ColumnStorage.Single => Write<float>(group, field, ranges, v => float.IsNaN(v) ? null : v),
        ColumnStorage.Decimal => Write<decimal>(group, field, ranges),
        ColumnStorage.Byte => Write<byte>(group, field, ranges),
        ColumnStorage.SByte => Write<sbyte>(group, field, ranges),
        ColumnStorage.Int16 => Write<short>(group, field, ranges),
        ColumnStorage.UInt16 => Write<ushort>(group, field, ranges),
        ColumnStorage.Int32 => Write<int>(group, field, ranges),
        ColumnStorage.UInt32 => Write<uint>(group, field, ranges),
        ColumnStorage.Int64 => Write<long>(group, field, ranges),
        ColumnStorage.UInt64 => Write<ulong>(group, field, ranges),
        ColumnStorage.Boolean => Write<bool>(group, field, ranges),
        ColumnStorage.DateTime => Write<DateTime>(group, field, ranges, ((DateTimeDataField)field).IsAdjustedToUTC ? AsUtc : AsWallClock),
        ColumnStorage.String => WriteText(group, field, ranges),
        _ => throw new ArgumentOutOfRangeException(nameof(storage)),
    };

    /// <summary>True when the column has values and every one is a UTC time.</summary>
    public static bool AllUtc(DataFrameColumn column)
    {
        bool any = false;
        foreach (var value in (PrimitiveDataFrameColumn<DateTime>)column)
        {
            if (value is not { } time) continue;
            if (time.Kind != DateTimeKind.Utc) return false;
            any = true;
        }
        return any;
    }

    private static DateTime? AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    // A wall-clock time is written as read, whatever the machine's time zone.
    private static DateTime? AsWallClock(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Unspecified);

    private static Task Write<T>(ParquetRowGroupWriter group, DataField field, IReadOnlyList<ColumnRange> ranges, Func<T, T?>? map = null)
        where T : unmanaged
    {
        var values = new T?[ranges.Sum(r => r.Count)];
        int at = 0;
        foreach (var (column, start, count) in ranges)
        {
            var typed = (PrimitiveDataFrameColumn<T>)column;
            for (int i = 0; i < count; i++)
            {
                var value = typed[start + i];
                values[at++] = value is { } v && map is not null ? map(v) : value;
            }
        }
        return group.WriteAsync<T>(field, values.AsMemory(), null, null, default);
    }

    private static Task WriteText(ParquetRowGroupWriter group, DataField field, IReadOnlyList<ColumnRange> ranges)
    {
        var values = new string?[ranges.Sum(r => r.Count)];
        int at = 0;
        foreach (var (column, start, count) in ranges)
        {
            var text = (StringDataFrameColumn)column;
            for (int i = 0; i < count; i++) values[at++] = text[start + i];
        }
        return group.WriteAsync(field, values!, null);
    }
}

/// <summary><paramref name="Count"/> rows of a column from row <paramref name="Start"/>: a piece of a row group.</summary>
internal readonly record struct ColumnRange(DataFrameColumn Column, long Start, int Count);
