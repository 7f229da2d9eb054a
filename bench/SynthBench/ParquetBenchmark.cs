using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;
using SynthCore.Data;
using PS = ParquetSharp;

namespace SynthBench;

/// <summary>
/// Writing and reading a seeded table of 10 nullable columns (3 doubles, 3 longs, 2 strings of 20 categories, a boolean, a
/// UTC timestamp; about 1% nulls each) in row groups of 100,000: the two Parquet libraries the feed serves, each on its
/// own typed arrays (parquet.net, parquetsharp), and our DataFrame paths (ours: ParquetTable; csv: CsvTable). One
/// library per process, so the peak memory is its own.
/// </summary>
internal static class ParquetBenchmark
{
    private const int GroupRows = 100_000;

    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        int rows = a.Int("rows", 1_000_000);
        string library = a.Text("library", "parquet.net");
        int repeats = a.Int("repeats", 3);
        string folder = Directory.CreateTempSubdirectory("synth-parquet-bench-").FullName;
        try
        {
            var data = Columns.Generate(rows);
            // Our paths start from a DataFrame, built here once so its construction is not timed.
            var frame = library is "ours" or "csv" ? data.Frame() : null;
            Console.WriteLine($"library={library} rows={rows:N0} columns=10 processors={Environment.ProcessorCount}");
            Console.WriteLine("repeat  write_s  read_s  file_MB");
            for (int r = 0; r < repeats; r++)
            {
                string path = Path.Combine(folder, $"t{r}" + (library == "csv" ? ".csv" : ".parquet"));
                var clock = Stopwatch.StartNew();
                Write(library, data, frame, path);
                double write = clock.Elapsed.TotalSeconds;
                clock.Restart();
                long check = Read(library, path);
                double read = clock.Elapsed.TotalSeconds;
                if (check != rows) throw new InvalidOperationException($"read {check} rows, wrote {rows}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r,6}  {write,7:F2}  {read,6:F2}  {new FileInfo(path).Length / 1e6,7:F1}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_MB {PeakMemory.Megabytes():F0}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write(string library, Columns data, DataFrame? frame, string path)
    {
        switch (library)
        {
            case "parquet.net": WriteParquetNet(data, path).GetAwaiter().GetResult(); break;
            case "parquetsharp": WriteParquetSharp(data, path); break;
            case "ours":
                using (var writer = ParquetTable.CreateWriter(path))
                {
                    writer.Append(frame!);
                    writer.Commit();
                }
                break;
            case "csv": CsvTable.Write(frame!, path); break;
            default: throw new ArgumentException($"library={library}: use parquet.net, parquetsharp, ours or csv.");
        }
    }

    private static long Read(string library, string path) => library switch
    {
        "parquet.net" => ReadParquetNet(path).GetAwaiter().GetResult(),
        "parquetsharp" => ReadParquetSharp(path),
        "ours" => ParquetTable.Read(path).Rows.Count,
        _ => CsvTable.Read(path).Rows.Count,
    };

    private static async Task WriteParquetNet(Columns data, string path)
    {
        var fields = new List<Field>();
        for (int c = 0; c < 3; c++) fields.Add(new DataField<double?>("d" + c));
        for (int c = 0; c < 3; c++) fields.Add(new DataField<long?>("l" + c));
        for (int c = 0; c < 2; c++) fields.Add(new DataField<string>("s" + c, true));
        fields.Add(new DataField<bool?>("b"));
        fields.Add(new DateTimeDataField("t", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true));
        var schema = new ParquetSchema(fields);
        var f = schema.DataFields;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        for (int start = 0; start < data.Rows; start += GroupRows)
        {
            int n = Math.Min(GroupRows, data.Rows - start);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < 3; c++) await group.WriteAsync<double>(f[c], data.Doubles[c].AsMemory(start, n));
            for (int c = 0; c < 3; c++) await group.WriteAsync<long>(f[3 + c], data.Longs[c].AsMemory(start, n));
            for (int c = 0; c < 2; c++) await group.WriteAsync(f[6 + c], new ArraySegment<string?>(data.Strings[c], start, n)!, null);
            await group.WriteAsync<bool>(f[8], data.Booleans.AsMemory(start, n));
            await group.WriteAsync<DateTime>(f[9], data.Times.AsMemory(start, n));
        }
    }

    private static async Task<long> ReadParquetNet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path, null, default);
        var f = reader.Schema.DataFields;
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            for (int c = 0; c < 3; c++) await group.ReadAsync<double>(f[c], new double?[n].AsMemory(), null, default);
            for (int c = 0; c < 3; c++) await group.ReadAsync<long>(f[3 + c], new long?[n].AsMemory(), null, default);
            for (int c = 0; c < 2; c++) await group.ReadAsync(f[6 + c], new string?[n].AsMemory(), null, default);
            await group.ReadAsync<bool>(f[8], new bool?[n].AsMemory(), null, default);
            await group.ReadAsync<DateTime>(f[9], new DateTime?[n].AsMemory(), null, default);
            rows += n;
        }
        return rows;
    }

    private static void WriteParquetSharp(Columns data, string path)
    {
        var columns = new List<PS.Column>();
        for (int c = 0; c < 3; c++) columns.Add(new PS.Column<double?>("d" + c));
        for (int c = 0; c < 3; c++) columns.Add(new PS.Column<long?>("l" + c));
        for (int c = 0; c < 2; c++) columns.Add(new PS.Column<string>("s" + c));
        columns.Add(new PS.Column<bool?>("b"));
        columns.Add(new PS.Column<DateTime?>("t", PS.LogicalType.Timestamp(true, PS.TimeUnit.Micros)));
        using var writer = new PS.ParquetFileWriter(path, columns.ToArray(), PS.Compression.Snappy);
        for (int start = 0; start < data.Rows; start += GroupRows)
        {
            int n = Math.Min(GroupRows, data.Rows - start);
            using var group = writer.AppendRowGroup();
            for (int c = 0; c < 3; c++) using (var w = group.NextColumn().LogicalWriter<double?>()) w.WriteBatch(data.Doubles[c], start, n);
            for (int c = 0; c < 3; c++) using (var w = group.NextColumn().LogicalWriter<long?>()) w.WriteBatch(data.Longs[c], start, n);
            for (int c = 0; c < 2; c++) using (var w = group.NextColumn().LogicalWriter<string?>()) w.WriteBatch(data.Strings[c], start, n);
            using (var w = group.NextColumn().LogicalWriter<bool?>()) w.WriteBatch(data.Booleans, start, n);
            using (var w = group.NextColumn().LogicalWriter<DateTime?>()) w.WriteBatch(data.Times, start, n);
        }
        writer.Close();
    }

    private static long ReadParquetSharp(string path)
    {
        using var reader = new PS.ParquetFileReader(path);
        long rows = 0;
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using var group = reader.RowGroup(g);
            int n = (int)group.MetaData.NumRows;
            for (int c = 0; c < 3; c++) using (var r = group.Column(c).LogicalReader<double?>()) r.ReadAll(n);
            for (int c = 0; c < 3; c++) using (var r = group.Column(3 + c).LogicalReader<long?>()) r.ReadAll(n);
            for (int c = 0; c < 2; c++) using (var r = group.Column(6 + c).LogicalReader<string?>()) r.ReadAll(n);
            using (var r = group.Column(8).LogicalReader<bool?>()) r.ReadAll(n);
            using (var r = group.Column(9).LogicalReader<DateTime?>()) r.ReadAll(n);
            rows += n;
        }
        reader.Close();
        return rows;
    }

    internal sealed record Columns(int Rows, double?[][] Doubles, long?[][] Longs, string?[][] Strings, bool?[] Booleans, DateTime?[] Times)
    {
        public static Columns Generate(int rows)
        {
            var random = new Random(1);
            string[] categories = Enumerable.Range(0, 20).Select(i => "category_" + i).ToArray();
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            return new Columns(rows,
                Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, rows).Select(i => i % 97 == 0 ? (double?)null : random.NextDouble() * 100).ToArray()).ToArray(),
                Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, rows).Select(i => i % 89 == 0 ? (long?)null : random.NextInt64(0, 100_000)).ToArray()).ToArray(),
                Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, rows).Select(i => i % 83 == 0 ? null : categories[random.Next(20)]).ToArray()).ToArray(),
                Enumerable.Range(0, rows).Select(i => i % 79 == 0 ? (bool?)null : random.Next(2) == 1).ToArray(),
                Enumerable.Range(0, rows).Select(i => i % 73 == 0 ? (DateTime?)null : start.AddSeconds(random.Next(0, 100_000_000))).ToArray());
        }

        public DataFrame Frame() => new(
            Doubles.Select((v, c) => (DataFrameColumn)new DoubleDataFrameColumn("d" + c, v))
                .Concat(Longs.Select((v, c) => (DataFrameColumn)new Int64DataFrameColumn("l" + c, v)))
                .Concat(Strings.Select((v, c) => (DataFrameColumn)new StringDataFrameColumn("s" + c, v)))
                .Append(new BooleanDataFrameColumn("b", Booleans))
                .Append(new DateTimeDataFrameColumn("t", Times)));
    }
}
