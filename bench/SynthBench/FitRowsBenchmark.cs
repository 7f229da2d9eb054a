using System.Diagnostics;
using System.Globalization;
using SynthCore;
using SynthCore.Data;

namespace SynthBench;

/// <summary>
/// The memory of <c>--fit-rows</c>: a seeded sample of N rows of a large CSV or Parquet file (the Parquet benchmark's
/// 10-column table, repeated), drawn while the file streams, against reading the file whole. One read per process, so
/// the peak resident set is that read's. <c>make=ROWS</c> writes the file first, in its own process, a million rows at a time.
/// </summary>
internal static class FitRowsBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        string file = a.Text("file", "");
        if (file.Length == 0) { Console.Error.WriteLine("give file=PATH (.csv or .parquet)"); return 2; }
        bool parquet = TableFormats.IsParquetPath(file);
        if (a.Text("make", "") is { Length: > 0 } make)
        {
            long total = long.Parse(make, CultureInfo.InvariantCulture);
            var chunk = ParquetBenchmark.Columns.Generate((int)Math.Min(total, 1_000_000)).Frame();
            using ITableFileWriter writer = parquet ? ParquetTable.CreateWriter(file) : CsvTable.CreateWriter(file);
            for (long written = 0; written < total; written += chunk.Rows.Count)
                writer.Append(written + chunk.Rows.Count <= total ? chunk : chunk.Head((int)(total - written)));
            writer.Commit();
            Console.WriteLine($"wrote {file}: {total:N0} rows, {new FileInfo(file).Length / 1e6:F1} MB");
            return 0;
        }
        int rows = a.Int("rows", 100_000);
        bool whole = a.Text("whole", "false") == "true";
        var clock = Stopwatch.StartNew();
        if (whole)
        {
            long read = (parquet ? ParquetTable.Read(file) : CsvTable.Read(file)).Rows.Count;
            Console.WriteLine($"whole read of {file}: {read:N0} rows in {clock.Elapsed.TotalSeconds:F1} s, peak memory {PeakMemory.Megabytes():N0} MB");
            return 0;
        }
        var streams = new RandomStreams(a.Int("seed", 42));
        var sample = parquet ? FitRowsSample.ReadParquet(file, rows, streams) : FitRowsSample.ReadCsv(file, rows, streams);
        Console.WriteLine($"--fit-rows {rows:N0} of {file} ({new FileInfo(file).Length / 1e6:F1} MB): {sample.Describe()}, "
                          + $"{clock.Elapsed.TotalSeconds:F1} s, peak memory {PeakMemory.Megabytes():N0} MB");
        return 0;
    }
}
