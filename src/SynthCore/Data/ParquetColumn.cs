using Parquet;
using Parquet.Schema;

namespace SynthCore.Data;

/// <summary>
/// One DataFrame column filled from a Parquet column, row group by row group: the column is allocated once for all
/// the rows and each group's values are set at their offset. The .NET type Parquet.Net gives a column decides ours.
/// </summary>
internal abstract class ParquetColumn
{
    public abstract DataFrameColumn Column { get; }

    /// <summary>Reads <paramref name="count"/> values of <paramref name="field"/> from <paramref name="group"/> into rows from <paramref name="offset"/>.</summary>
    public abstract Task ReadAsync(ParquetRowGroupReader group, DataField field, int count, long offset);

    /// <summary>Fails, naming the file and column, for a column type we do not read (binary, time of day, intervals).</summary>
    public static void Check(string file, DataField field)
    {
        if (!IsText(field.ClrType) && !ValueColumns.ContainsKey(field.ClrType))
            throw new SynthFileException(file, $"column '{field.Name}' holds {field.ClrType.Name} values, which SynthNotebooks does not read (numbers, text, booleans and timestamps are read; cast the column to one of those).");
    }

    public static ParquetColumn For(DataField field, long rows)
    {
        string name = field.Name;
        var t = field.ClrType;
        if (IsText(t)) return new Text(new StringDataFrameColumn(name, rows));
        return ValueColumns.TryGetValue(t, out var create) ? create(name, rows)
            : throw new ArgumentException($"Column '{name}' has the unsupported type {t.Name}.", nameof(field));
    }

    // Parquet.Net 6 describes UTF-8 columns as ReadOnlyMemory<char> (and reads them as strings too).
    private static bool IsText(Type t) => t == typeof(string) || t == typeof(ReadOnlyMemory<char>);

    /// <summary>The column each non-text .NET type Parquet.Net gives is read into: the types we read.</summary>
    private static readonly Dictionary<Type, Func<string, long, ParquetColumn>> ValueColumns = new()
    {
        [typeof(double)] = (name, rows) => new Values<double>(new DoubleDataFrameColumn(name, rows)),
        [typeof(float)] = (name, rows) => new Values<float>(new SingleDataFrameColumn(name, rows)),
        [typeof(decimal)] = (name, rows) => new Values<decimal>(new DecimalDataFrameColumn(name, rows)),
        [typeof(sbyte)] = (name, rows) => new Values<sbyte>(new SByteDataFrameColumn(name, rows)),
        [typeof(byte)] = (name, rows) => new Values<byte>(new ByteDataFrameColumn(name, rows)),
        [typeof(short)] = (name, rows) => new Values<short>(new Int16DataFrameColumn(name, rows)),
        [typeof(ushort)] = (name, rows) => new Values<ushort>(new UInt16DataFrameColumn(name, rows)),
        [typeof(int)] = (name, rows) => new Values<int>(new Int32DataFrameColumn(name, rows)),
        [typeof(uint)] = (name, rows) => new Values<uint>(new UInt32DataFrameColumn(name, rows)),
        [typeof(long)] = (name, rows) => new Values<long>(new Int64DataFrameColumn(name, rows)),
        [typeof(ulong)] = (name, rows) => new Values<ulong>(new UInt64DataFrameColumn(name, rows)),
        [typeof(bool)] = (name, rows) => new Values<bool>(new BooleanDataFrameColumn(name, rows)),
        [typeof(DateTime)] = (name, rows) => new Values<DateTime>(new DateTimeDataFrameColumn(name, rows)),
    };

    private sealed class Values<T>(PrimitiveDataFrameColumn<T> column) : ParquetColumn where T : unmanaged
    {
        public override DataFrameColumn Column => column;

        public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int count, long offset)
        {
            if (field.IsNullable)
            {
                var values = new T?[count];
                await group.ReadAsync<T>(field, values.AsMemory(), null, default);
                for (int i = 0; i < count; i++) column[offset + i] = values[i];
            }
            else
            {
                var values = new T[count];
                await group.ReadAsync<T>(field, values.AsMemory(), null, default);
                for (int i = 0; i < count; i++) column[offset + i] = values[i];
            }
        }
    }

    private sealed class Text(StringDataFrameColumn column) : ParquetColumn
    {
        public override DataFrameColumn Column => column;

        public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int count, long offset)
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory(), null, default);
            for (int i = 0; i < count; i++) column[offset + i] = values[i];
        }
    }
}
