namespace SynthCore.Data;

/// <summary>Reads a table from a path by what it is: a Parquet file (<c>.parquet</c>), a folder of Parquet files, or a CSV file.</summary>
public static class TableFile
{
    /// <exception cref="SynthFileException">The file is missing or cannot be read; the message names the file, and where known the line or column.</exception>
    public static DataFrame Read(string path) =>
        Directory.Exists(path) || TableFormats.IsParquetPath(path) ? ParquetTable.Read(path) : CsvTable.Read(path);
}
