using System.Diagnostics;
using System.Globalization;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthBench;

/// <summary>
/// Sharded sampling at scale in one process: a model fitted on a CSV (copula on penguins by default) writes
/// <c>--shard 0/1</c> of each row count as <c>synth sample</c> does (<see cref="ShardedSampling"/> blocks, the model's
/// spellings, a Parquet row group per block) to a temporary file, deleted after. Reports wall and CPU time, rows per
/// second per core (rows / CPU seconds, so other load on the machine counts less), the resident memory at each tenth of
/// the blocks, and the process's peak: flat when a shard holds one block at a time, whatever the row count.
/// </summary>
internal static class ShardBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        long[] rowCounts = a.Text("rows", "10000000,100000000").Split(',').Select(r => long.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        string data = a.Text("data", "data/penguins.csv");
        string modelName = a.Text("model", "copula");
        var format = a.Text("format", "parquet") == "csv" ? TableFormat.Csv : TableFormat.Parquet;

        var table = TableFile.Read(data);
        var metadata = TableMetadata.Detect(table);
        var model = SynthesizerRegistry.Default.Create(modelName, new SynthesizerSettings { Seed = 1 }).Fit(table, metadata);
        Console.WriteLine($"model={modelName} data={data} columns={table.Columns.Count} format={format.ToString().ToLowerInvariant()} block_rows={ShardedSampling.BlockRows} processors={Environment.ProcessorCount}");
        Console.WriteLine("rows         wall_s   cpu_s    rows/s/core  rows/s(wall)  file_MB   peak_MB");
        string folder = Directory.CreateTempSubdirectory("synth-shard-bench-").FullName;
        try
        {
            foreach (long rows in rowCounts)
            {
                string path = Path.Combine(folder, "part-0-of-1" + format.Extension());
                long blocks = ShardedSampling.BlockCount(rows);
                var rss = new List<double>();
                var heap = new List<double>(); // live managed memory after a full collection: what the run keeps
                var process = Process.GetCurrentProcess();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                long written = 0, done = 0;
                using (var writer = format.CreateWriter(path))
                {
                    foreach (var block in ShardedSampling.Blocks(model, rows, 0, 1, seed: 5))
                    {
                        writer.Append(ColumnSpellings.Apply(block, model.Metadata));
                        written += block.Rows.Count;
                        if (++done * 10 / blocks > rss.Count)
                        {
                            rss.Add(ResidentMegabytes());
                            heap.Add(GC.GetTotalMemory(forceFullCollection: true) / 1e6);
                        }
                    }
                    writer.Commit();
                }
                double wall = clock.Elapsed.TotalSeconds;
                process.Refresh();
                double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                if (written != rows) throw new InvalidOperationException($"wrote {written} rows, asked {rows}");
                double megabytes = new FileInfo(path).Length / 1e6;
                File.Delete(path);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows,-12} {wall,-8:F1} {cpu,-8:F1} {rows / cpu,-12:N0} {rows / wall,-13:N0} {megabytes,-9:F1} {PeakMemory.Megabytes():F0}"));
                Console.WriteLine($"  resident MB at 10%..100% of the blocks: {Megabytes(rss)}");
                Console.WriteLine($"  live managed MB (after a full GC), same points: {Megabytes(heap)}");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Megabytes(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));

    /// <summary>The process's resident set now (VmRSS), native allocations included.</summary>
    private static double ResidentMegabytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return Environment.WorkingSet / 1024.0 / 1024.0;
    }
}
