using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace SynthCore.Data;

/// <summary>A DataFrame column's rows as the typed, nullable arrays a Parquet row group is written from.</summary>
internal static class ParquetValues
{
    public static Task WriteAsync(ParquetRowGroupWriter group, DataField field, ColumnStorage storage, DataFrameColumn column, long start, int count) => storage switch
    {
        ColumnStorage.Double => Write(group, field, (PrimitiveDataFrameColumn<double>)column, start, count, v => double.IsNaN(v) ? null : v),
        ColumnStorage.Single => Write(group, field, (PrimitiveDataFrameColumn<float>)column, start, count, v => float.IsNaN(v) ? null : v),
        ColumnStorage.Decimal => Write(group, field, (PrimitiveDataFrameColumn<decimal>)column, start, count),
        ColumnStorage.Byte => Write(group, field, (PrimitiveDataFrameColumn<byte>)column, start, count),
        ColumnStorage.SByte => Write(group, field, (PrimitiveDataFrameColumn<sbyte>)column, start, count),
        ColumnStorage.Int16 => Write(group, field, (PrimitiveDataFrameColumn<short>)column, start, count),
        ColumnStorage.UInt16 => Write(group, field, (PrimitiveDataFrameColumn<ushort>)column, start, count),
        ColumnStorage.Int32 => Write(group, field, (PrimitiveDataFrameColumn<int>)column, start, count),
        ColumnStorage.UInt32 => Write(group, field, (PrimitiveDataFrameColumn<uint>)column, start, count),
        ColumnStorage.Int64 => Write(group, field, (PrimitiveDataFrameColumn<long>)column, start, count),
        ColumnStorage.UInt64 => Write(group, field, (PrimitiveDataFrameColumn<ulong>)column, start, count),
        ColumnStorage.Boolean => Write(group, field, (PrimitiveDataFrameColumn<bool>)column, start, count),
        ColumnStorage.DateTime => Write(group, field, (PrimitiveDataFrameColumn<DateTime>)column, start, count,
            ((DateTimeDataField)field).IsAdjustedToUTC ? AsUtc : AsWallClock),
        ColumnStorage.String => WriteText(group, field, (StringDataFrameColumn)column, start, count),
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

    private static Task Write<T>(ParquetRowGroupWriter group, DataField field, PrimitiveDataFrameColumn<T> column, long start, int count, Func<T, T?>? map = null)
        where T : unmanaged
    {
        var values = new T?[count];
        for (int i = 0; i < count; i++)
        {
            var value = column[start + i];
            values[i] = value is { } v && map is not null ? map(v) : value;
        }
        return group.WriteAsync<T>(field, values.AsMemory(), null, null, default);
    }

    private static Task WriteText(ParquetRowGroupWriter group, DataField field, StringDataFrameColumn column, long start, int count)
    {
        var values = new string?[count];
        for (int i = 0; i < count; i++) values[i] = column[start + i];
        return group.WriteAsync(field, values!, null);
    }
}
