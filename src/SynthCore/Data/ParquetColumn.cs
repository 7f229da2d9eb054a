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
        if (!Supported.Contains(field.ClrType) && !IsText(field.ClrType))
            throw new SynthFileException(file, $"column '{field.Name}' holds {field.ClrType.Name} values, which SynthNotebooks does not read (numbers, text, booleans and timestamps are read; cast the column to one of those).");
    }

    public static ParquetColumn For(DataField field, long rows)
    {
        string name = field.Name;
        var t = field.ClrType;
        if (IsText(t)) return new Text(new StringDataFrameColumn(name, rows));
        if (t == typeof(double)) return new Values<double>(new DoubleDataFrameColumn(name, rows));
        if (t == typeof(float)) return new Values<float>(new SingleDataFrameColumn(name, rows));
        if (t == typeof(decimal)) return new Values<decimal>(new DecimalDataFrameColumn(name, rows));
        if (t == typeof(sbyte)) return new Values<sbyte>(new SByteDataFrameColumn(name, rows));
        if (t == typeof(byte)) return new Values<byte>(new ByteDataFrameColumn(name, rows));
        if (t == typeof(short)) return new Values<short>(new Int16DataFrameColumn(name, rows));
        if (t == typeof(ushort)) return new Values<ushort>(new UInt16DataFrameColumn(name, rows));
        if (t == typeof(int)) return new Values<int>(new Int32DataFrameColumn(name, rows));
        if (t == typeof(uint)) return new Values<uint>(new UInt32DataFrameColumn(name, rows));
        if (t == typeof(long)) return new Values<long>(new Int64DataFrameColumn(name, rows));
        if (t == typeof(ulong)) return new Values<ulong>(new UInt64DataFrameColumn(name, rows));
        if (t == typeof(bool)) return new Values<bool>(new BooleanDataFrameColumn(name, rows));
        if (t == typeof(DateTime)) return new Values<DateTime>(new DateTimeDataFrameColumn(name, rows));
        throw new ArgumentException($"Column '{name}' has the unsupported type {t.Name}.", nameof(field));
    }

    // Parquet.Net 6 describes UTF-8 columns as ReadOnlyMemory<char> (and reads them as strings too).
    private static bool IsText(Type t) => t == typeof(string) || t == typeof(ReadOnlyMemory<char>);

    private static readonly HashSet<Type> Supported =
    [
        typeof(string), typeof(double), typeof(float), typeof(decimal), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(bool), typeof(DateTime),
    ];

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
