using System.Diagnostics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Evaluation.Reports;
using SynthCore.Registry;
using SynthCore.Resources;
using SynthCore.Synthesizers;
using SynthCore.Tests.Data;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// The one resource guard: requests too large for the (injected) free memory or disk are refused before work
/// starts with a message naming the option, and the comparison steps stop within a second of cancellation.
/// </summary>
public sealed class ResourceGuardTests
{
    private const long ThreeGiB = 3L << 30;

    /// <summary>A table of <paramref name="columns"/> numeric columns, each a different function of the row.</summary>
    internal static DataFrame Wide(int rows, int columns) =>
        new(Enumerable.Range(0, columns).Select(c =>
            new DoubleDataFrameColumn($"c{c}", Enumerable.Range(0, rows).Select(r => (double?)((r * 7919L + c * 104729L) % 1000)))));

    [Fact]
    public void Rows_in_memory_are_refused_with_how_many_fit()
    {
        using var guard = ResourceGuard.Use(memoryBytes: 1L << 30);

        ResourceGuard.Current.EnsureRowsFitMemory("--rows", 1_000_000, 5);
        var e = Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureRowsFitMemory("--rows", int.MaxValue, 5));

        Assert.Equal("--rows", e.Option);
        // 0.6 × 1 GiB over 5 columns × 64 bytes.
        Assert.Contains("2,147,483,647 is too large: at most 2,013,265 rows of 5 columns fit in the free memory (1.0 GiB)", e.Message);
    }

    [Fact]
    public void Sequences_count_a_row_per_step()
    {
        using var guard = ResourceGuard.Use(memoryBytes: 1L << 30);

        ResourceGuard.Current.EnsureSequencesFitMemory("--rows", 80_000, 24, 4);
        var e = Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureSequencesFitMemory("--rows", 1_000_000, 24, 4));

        // 0.6 × 1 GiB over 24 × 4 cells × 64 bytes.
        Assert.Contains("1,000,000 is too large: at most 104,857 sequences of 24 steps × 4 columns fit", e.Message);
    }

    [Fact]
    public void Rows_on_disk_are_refused_with_how_many_fit()
    {
        using var guard = ResourceGuard.Use(diskBytes: (64L << 20) + 1_000_000);

        ResourceGuard.Current.EnsureRowsFitDisk("--rows", 10_000, 100, "/tmp");
        var e = Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureRowsFitDisk("--rows", 10_001, 100, "/tmp"));

        Assert.Contains("at most 10,000 rows of about 100 bytes fit on the free disk", e.Message);
    }

    [Fact]
    public void Sizes_that_overflow_a_long_are_simply_too_large()
    {
        using var guard = ResourceGuard.Use(memoryBytes: long.MaxValue, diskBytes: long.MaxValue);

        Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureRowsFitMemory("--rows", long.MaxValue, int.MaxValue));
        Assert.Throws<SynthException>(() => ResourceGuard.Current.EnsureFitFits("copula", long.MaxValue, int.MaxValue, pairwise: true));
        Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureRowsFitDisk("--rows", long.MaxValue, long.MaxValue, "/tmp"));
    }

    [Fact]
    public void The_machine_guard_reads_the_gc_limit()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.InRange(ResourceGuard.Current.FreeMemoryBytes, 1, total);
        Assert.True(ResourceGuard.Current.FreeDiskBytes(Path.GetTempPath()) > 0);
    }

    [Fact]
    public void An_injected_guard_holds_only_inside_its_scope()
    {
        long machine = ResourceGuard.Current.MemoryBudget;
        using (ResourceGuard.Use(memoryBytes: 1000)) Assert.Equal(600, ResourceGuard.Current.MemoryBudget);
        Assert.NotEqual(600, ResourceGuard.Current.MemoryBudget);
        Assert.True(machine > 600);
    }

    [Fact]
    public void Ten_thousand_columns_are_refused_by_the_copula_fit_and_the_comparison_under_3_GiB()
    {
        using var guard = ResourceGuard.Use(memoryBytes: ThreeGiB);

        var fit = Assert.Throws<SynthException>(() => ResourceGuard.Current.EnsureFitFits("copula", 100, 10_000, pairwise: true));
        Assert.Contains("Fitting 'copula' to 100 rows × 10,000 columns would need about 3.0 GiB", fit.Message);
        Assert.Contains("leave out columns", fit.Message);
        ResourceGuard.Current.EnsureFitFits("bootstrap", 100, 10_000, pairwise: false);

        var table = Wide(20, 10_000);
        var metadata = TableMetadata.Detect(table);
        var clock = Stopwatch.StartNew();
        var compare = Assert.Throws<SynthException>(() => TableComparison.Compare(table, table, metadata));
        var report = Assert.Throws<SynthException>(() => QualityReport.Generate(table, table, metadata));
        Assert.Contains("Comparing 20 rows × 10,000 columns", compare.Message);
        Assert.Contains("Every pair of columns is compared", compare.Message);
        Assert.Contains("The quality report of 20 rows × 10,000 columns", report.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"refused after {clock.Elapsed}");
    }

    [Theory]
    [InlineData("gan")]
    [InlineData("ctgan")]
    [InlineData("tvae")]
    [InlineData("timegan")]
    public void Threads_must_be_one_to_the_processor_count(string model)
    {
        var settings = new SynthesizerSettings { Extra = new Dictionary<string, string> { ["threads"] = "100000" } };

        var e = Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create(model, settings));

        Assert.Equal("threads", e.Option);
        Assert.Contains($"must be 1 to {Environment.ProcessorCount}", e.Message);
        Assert.Throws<SynthOptionException>(() => ResourceGuard.EnsureThreads("threads", 0));
        Assert.Equal(Environment.ProcessorCount, ResourceGuard.EnsureThreads("threads", Environment.ProcessorCount));
    }

    [Fact]
    public void A_batch_larger_than_the_table_is_noted_and_one_larger_than_the_memory_refused()
    {
        using var guard = ResourceGuard.Use(memoryBytes: 1L << 30);

        Assert.Null(ResourceGuard.Current.EnsureBatchSize("--batch-size", 40, 40, 4));
        Assert.Contains("--batch-size 500 is more than the table's 40 rows", ResourceGuard.Current.EnsureBatchSize("--batch-size", 500, 40, 4));
        var e = Assert.Throws<SynthOptionException>(() => ResourceGuard.Current.EnsureBatchSize("--batch-size", int.MaxValue, 40, 4));
        Assert.Equal("--batch-size", e.Option);
        Assert.Contains("too large: at most", e.Message);
    }

    [Fact]
    public void The_comparison_stops_within_a_second_of_cancellation()
    {
        // 1,500 columns: about 1.1 million Pearson pairs, many seconds of work uncancelled.
        var table = Wide(200, 1_500);
        var metadata = TableMetadata.Detect(table);
        AssertStopsWithinASecond(token => TableComparison.Compare(table, table, metadata, token));
        AssertStopsWithinASecond(token => QualityReport.Generate(table, table, metadata, cancellation: token));
    }

    [Fact]
    public void The_copula_correlation_repair_stops_within_a_second_of_cancellation()
    {
        // 800 columns from 30 rows: rank-deficient, so every iteration repairs, and each takes a good part of a second.
        var random = new Random(5);
        var rows = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 800).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var estimate = new double[800, 800];
        for (int i = 0; i < 800; i++)
            for (int j = 0; j < 800; j++)
                estimate[i, j] = MathNet.Numerics.Statistics.Correlation.Pearson(rows.Select(r => r[i]), rows.Select(r => r[j]));

        AssertStopsWithinASecond(token => SynthCore.Synthesizers.Statistical.CorrelationRepair.Repair(estimate, token));
    }

    [Fact]
    public void The_utility_report_stops_within_a_second_even_inside_ml_nets_training()
    {
        // 40,000 rows × 12 features: the boosted trees alone train for several seconds, and ML.NET checks no token.
        var random = new Random(5);
        var table = new DataFrame(Enumerable.Range(0, 12)
            .Select(i => (DataFrameColumn)new DoubleDataFrameColumn($"x{i}", Enumerable.Range(0, 40_000).Select(_ => random.NextDouble())))
            .Append(new StringDataFrameColumn("y", Enumerable.Range(0, 40_000).Select(_ => random.Next(3).ToString()))));
        var metadata = TableMetadata.Detect(table);

        AssertStopsWithinASecond(token => SynthCore.Evaluation.Utility.UtilityReport.Evaluate(table, table, metadata,
            new SynthCore.Evaluation.Utility.UtilityOptions("y"), token));
    }

    private static void AssertStopsWithinASecond(Action<CancellationToken> work)
    {
        using var cancellation = new CancellationTokenSource();
        var cancelledAt = new Stopwatch();
        var task = Task.Run(() => work(cancellation.Token));
        Thread.Sleep(300);
        Assert.False(task.IsCompleted, "the work finished before it could be cancelled; make it larger");
        cancellation.Cancel();
        cancelledAt.Start();
        var e = Assert.ThrowsAny<OperationCanceledException>(() => task.GetAwaiter().GetResult());
        Assert.True(cancelledAt.Elapsed < TimeSpan.FromSeconds(1), $"stopped {cancelledAt.Elapsed} after cancellation");
        Assert.NotNull(e);
    }

    [Fact]
    public void A_csv_larger_than_the_free_memory_allows_is_refused_before_it_is_read()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("big.csv", "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100_000)));
        using var guard = ResourceGuard.Use(memoryBytes: 1L << 20);

        var e = Assert.Throws<SynthFileException>(() => CsvTable.Read(path));

        Assert.Contains("is too large to read: 391 KiB, and at most 77 KiB of CSV fits in the free memory (1 MiB)", e.Message);
    }

    [Theory]
    [InlineData("/dev/zero", "line 1 is longer than 64 MiB")]
    [InlineData("/dev/urandom", "not valid UTF-8")]
    public void Endless_devices_fail_fast_with_a_clear_error(string device, string expected)
    {
        if (!File.Exists(device)) return;
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<SynthFileException>(() => CsvTable.Read(device));

        Assert.Contains(expected, e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_quoted_field_over_32_mebi_characters_is_refused_naming_its_column()
    {
        using var folder = new TempDirectory();
        string line = new string('y', 1 << 20) + "\n";
        string path = folder.Write("field.csv", "a,b\n1,\"" + string.Concat(Enumerable.Repeat(line, 33)) + "\"\n");

        var e = Assert.Throws<SynthFileException>(() => CsvTable.Read(path));

        Assert.Contains("line 2, column 'b': the field is longer than 32 Mi characters", e.Message);
    }

    [Fact]
    public void A_split_utf8_character_at_a_chunk_boundary_is_read_and_invalid_bytes_name_their_line()
    {
        using var folder = new TempDirectory();
        // 'é' is two bytes; padding puts one of them across the 1 MiB read boundary.
        string path = folder.Write("accents.csv", "a,b\n" + new string('x', (1 << 20) - 6) + ",é\n");
        Assert.Equal("é", CsvTable.Read(path).Columns["b"][0]);

        string bad = folder.PathOf("latin1.csv");
        File.WriteAllBytes(bad, [.. "a,b\n1,2\n3,"u8, 0xE9, (byte)'\n']);
        Assert.Contains("line 3: the file is not valid UTF-8", Assert.Throws<SynthFileException>(() => CsvTable.Read(bad)).Message);
    }
}
