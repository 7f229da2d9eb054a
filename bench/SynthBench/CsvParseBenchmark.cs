using System.Diagnostics;
using nietras.SeparatedValues;
using SynthCore.Data;

namespace SynthBench;

/// <summary>
/// Our CSV reading against Sep (the fastest .NET CSV parser we know of), on the Parquet benchmark's seeded 10-column
/// nullable table written as CSV: splitting records into field strings (our own streaming RFC 4180 reader, our Sep-based
/// reader with its quote checks, and bare Sep), and our whole read (two streaming passes: kinds, then typed DataFrame
/// columns). Best of the repeats. <c>file=PATH</c> reads that file once instead and reports time and peak memory, in a
/// process that did nothing else (<c>make=ROWS</c> writes such a file first, in its own process).
/// </summary>
internal static class CsvParseBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        if (a.Text("make", "") is { Length: > 0 } make)
        {
            string target = a.Text("file", "");
            CsvTable.Write(ParquetBenchmark.Columns.Generate(int.Parse(make, System.Globalization.CultureInfo.InvariantCulture)).Frame(), target);
            Console.WriteLine($"wrote {target}: {new FileInfo(target).Length / 1e6:F1} MB");
            return 0;
        }
        if (a.Text("file", "") is { Length: > 0 } file)
        {
            var clock = Stopwatch.StartNew();
            long read = CsvTable.Read(file).Rows.Count;
            Console.WriteLine($"read {file} ({new FileInfo(file).Length / 1e6:F1} MB): {read:N0} rows in {clock.Elapsed.TotalSeconds:F2} s, peak memory {PeakMemory.Megabytes():N0} MB");
            return 0;
        }
        int rows = a.Int("rows", 1_000_000);
        int repeats = a.Int("repeats", 3);
        string folder = Path.Combine(Path.GetTempPath(), "synth-csv-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "table.csv");
            CsvTable.Write(ParquetBenchmark.Columns.Generate(rows).Frame(), path);
            Console.WriteLine($"{rows:N0} rows x 10 columns, {new FileInfo(path).Length / 1e6:F1} MB; best of {repeats}");
            Report("ours (streaming): records into fields", repeats, () => Fields(path, text => new CsvRecordReader(text, ',', path)));
            Report("ours on Sep: records into fields", repeats, () => Fields(path, text => new SepRecordReader(text, ',', path)));
            Report("Sep: records into fields", repeats, () => SepFields(path));
            Report("ours: whole read (typed DataFrame)", repeats, () => CsvTable.Read(path).Rows.Count);
        }
        finally { Directory.Delete(folder, recursive: true); }
        return 0;
    }

    private static void Report(string name, int repeats, Func<long> run)
    {
        double best = double.MaxValue;
        long result = 0;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{name,-40} {best,6:F2} s  ({result:N0})");
    }

    /// <summary>Fields materialised as strings, as our readers hand them on.</summary>
    private static long Fields(string path, Func<TextReader, ICsvRecordReader> split)
    {
        using var text = new StreamReader(path);
        var reader = split(text);
        long fields = 0;
        foreach (var record in reader.Records()) fields += record.Fields.Length;
        return fields;
    }

    private static long SepFields(string path)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false }).FromFile(path);
        long fields = 0;
        foreach (var row in reader)
            for (int c = 0; c < row.ColCount; c++) { _ = row[c].ToString(); fields++; }
        return fields;
    }
}
