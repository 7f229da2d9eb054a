namespace SynthCore.Data;

/// <summary>The file formats tables are written in: CSV (text, the default) or Parquet (typed columns, what Spark, DuckDB and pandas read).</summary>
public enum TableFormat { Csv, Parquet }

/// <summary>Names, extensions and writers of the <see cref="TableFormat"/>s.</summary>
public static class TableFormats
{
    /// <summary>The file extension, with its dot: ".csv" or ".parquet".</summary>
    public static string Extension(this TableFormat format) => format == TableFormat.Parquet ? ".parquet" : ".csv";

    /// <summary>The format named by a <c>--format</c> value (csv or parquet, any case).</summary>
    /// <exception cref="SynthOptionException">Another value.</exception>
    public static TableFormat Parse(string value, string option) => value.Trim().ToLowerInvariant() switch
    {
        "csv" => TableFormat.Csv,
        "parquet" => TableFormat.Parquet,
        _ => throw new SynthOptionException(option, $"unknown format '{value}' (use csv or parquet)."),
    };

    /// <summary>True for a path that names a Parquet file by its extension.</summary>
    public static bool IsParquetPath(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>A writer of a new file at <paramref name="path"/> in <paramref name="format"/>, filled chunk by chunk and moved into place on commit.</summary>
    /// <exception cref="SynthFileException">The file exists or its folder does not.</exception>
    public static ITableFileWriter CreateWriter(this TableFormat format, string path) =>
        format == TableFormat.Parquet ? ParquetTable.CreateWriter(path) : CsvTable.CreateWriter(path);
}
