namespace SynthCommands;

/// <summary>The <c>--format csv|parquet</c> of the commands that write a table.</summary>
internal static class OutputFormat
{
    /// <exception cref="SynthOptionException">Neither csv nor parquet.</exception>
    public static TableFormat Read(string? value) => value is null ? TableFormat.Csv : TableFormats.Parse(value, "--format");

    /// <summary>
    /// Refuses an --out folder named like a Parquet file (<c>--out rows.parquet</c>), which would otherwise become a folder
    /// of that name: the commands that take --format write a named file into the folder.
    /// </summary>
    /// <exception cref="SynthOptionException">The name ends with .parquet and is not an existing folder.</exception>
    public static void EnsureFolder(string outDir)
    {
        if (TableFormats.IsParquetPath(outDir) && !Directory.Exists(outDir))
            throw new SynthOptionException("--out", $"'{outDir}' looks like a file name, but --out takes a folder (the file is written in it as <name>_synthetic_<timestamp>.parquet); give a folder and --format parquet.");
    }
}
