namespace SynthCore.Transforms;

/// <summary>
/// Turns one table column into <see cref="Width"/> floats per row for a network, and network
/// outputs back into a column of the original type. Rows are read from and written to a
/// row-major buffer: row r's outputs start at <c>r * stride + offset</c>.
/// </summary>
public interface IColumnTransform
{
    /// <summary>The column it transforms.</summary>
    string Column { get; }

    /// <summary>Outputs per row (0 for columns that are not modelled, such as identifiers).</summary>
    int Width { get; }

    /// <summary>The outputs, with starts relative to this column.</summary>
    IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>Learns the column's range or categories.</summary>
    void Fit(DataFrameColumn c);

    /// <summary>Writes the column's outputs into <paramref name="dest"/>.</summary>
    void Transform(DataFrameColumn c, Span<float> dest, int stride, int offset);

    /// <summary>Reads <paramref name="rows"/> rows of outputs back into a column of the fitted type.</summary>
    DataFrameColumn Reverse(ReadOnlySpan<float> src, int rows, int stride, int offset);

    /// <summary>The fitted state, with a "type" discriminator (see <see cref="ColumnTransformJson"/>).</summary>
    JsonObject ToJson();
}
