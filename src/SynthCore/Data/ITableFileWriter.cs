namespace SynthCore.Data;

/// <summary>
/// A table file written a chunk of rows at a time into a temporary file beside the target, which appears at the
/// target only on <see cref="Commit"/> (never over an existing file); disposing without a commit leaves nothing.
/// </summary>
public interface ITableFileWriter : IDisposable
{
    /// <summary>Rows appended so far.</summary>
    long Rows { get; }

    /// <summary>Columns of the file (those of the first chunk).</summary>
    int Columns { get; }

    /// <summary>Appends the rows of <paramref name="chunk"/>, whose columns must be those of the first chunk (a chunk of no rows sets the columns).</summary>
    void Append(DataFrame chunk);

    /// <summary>Finishes the file and moves it into place.</summary>
    void Commit();
}
