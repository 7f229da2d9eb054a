namespace SynthCore.Data;

/// <summary>
/// Bulk reads and writes of double columns through their buffers: the per-cell indexer checks the
/// null bitmap and finds the buffer for every value, which dominates fitting a million-row table.
/// </summary>
internal static class DoubleColumns
{
    /// <summary>The values, NaN where missing (or non-finite).</summary>
    public static double[] Read(DoubleDataFrameColumn column)
    {
        var values = new double[column.Length];
        int offset = 0;
        var data = column.GetReadOnlyDataBuffers().ToArray();
        var nulls = column.GetReadOnlyNullBitMapBuffers().ToArray();
        for (int b = 0; b < data.Length; b++)
        {
            var span = data[b].Span;
            span.CopyTo(values.AsSpan(offset));
            if (column.NullCount > 0)
            {
                var bits = nulls[b].Span;
                for (int i = 0; i < span.Length; i++)
                    if ((bits[i >> 3] & (1 << (i & 7))) == 0) values[offset + i] = double.NaN;
            }
            offset += span.Length;
        }
        for (int i = 0; i < values.Length; i++) if (!double.IsFinite(values[i])) values[i] = double.NaN;
        return values;
    }

    /// <summary>A column from values, missing where <paramref name="missing"/> says (or NaN).</summary>
    public static DoubleDataFrameColumn Create(string name, double[] values, bool[] missing)
    {
        bool anyMissing = missing.Any(m => m);
        if (!anyMissing) return new DoubleDataFrameColumn(name, values);
        var column = new DoubleDataFrameColumn(name, values);
        for (int r = 0; r < values.Length; r++) if (missing[r]) column[r] = null;
        return column;
    }
}
