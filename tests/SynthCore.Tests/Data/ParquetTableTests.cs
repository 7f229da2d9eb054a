using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

public sealed class ParquetTableTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>Every column kind, each with missing values, in the storage types our readers and models produce.</summary>
    private static DataFrame EveryKind(int rows = 60, int offset = 0)
    {
        string[] cities = ["Oslo", "Lima", "Pune"];
        var start = new DateTime(2024, 3, 1, 8, 30, 0);
        var range = Enumerable.Range(offset, rows).ToArray();
        return new DataFrame(
            new Int64DataFrameColumn("visits", range.Select(i => i % 10 == 3 ? (long?)null : i % 7)),
            new Int32DataFrameColumn("floor", range.Select(i => i % 11 == 4 ? (int?)null : i % 5 - 2)),
            new DoubleDataFrameColumn("score", range.Select(i => i % 9 == 2 ? (double?)null : i * 0.37 - 4.125)),
            new StringDataFrameColumn("city", range.Select(i => i % 8 == 5 ? null : cities[i % 3])),
            new BooleanDataFrameColumn("member", range.Select(i => i % 6 == 1 ? (bool?)null : i % 2 == 0)),
            new DateTimeDataFrameColumn("seen", range.Select(i => i % 7 == 6 ? (DateTime?)null : start.AddMinutes(i * 97))),
            new DateTimeDataFrameColumn("logged_utc", range.Select(i => i % 12 == 0 ? (DateTime?)null : DateTime.SpecifyKind(start.AddSeconds(i * 3601), DateTimeKind.Utc))));
    }

    private static void AssertSameTable(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            Assert.Equal(expected.Columns[c].DataType, actual.Columns[c].DataType);
            for (long r = 0; r < expected.Rows.Count; r++)
            {
                Assert.Equal(expected.Columns[c][r], actual.Columns[c][r]);
                if (expected.Columns[c][r] is DateTime time) Assert.Equal(time.Kind == DateTimeKind.Utc, ((DateTime)actual.Columns[c][r]).Kind == DateTimeKind.Utc);
            }
        }
    }

    [Fact]
    public void Every_column_kind_with_missing_values_survives_write_then_read()
    {
        var table = EveryKind();
        string path = dir.PathOf("t.parquet");
        using (var writer = ParquetTable.CreateWriter(path))
        {
            writer.Append(table);
            writer.Commit();
        }
        var back = ParquetTable.Read(path);
        AssertSameTable(table, back);

        var kinds = TableMetadata.Detect(table).Columns.Select(c => c.Kind).ToArray();
        Assert.Equal([ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Continuous, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.Datetime, ColumnKind.Datetime], kinds);
        Assert.Equal(kinds, TableMetadata.Detect(back).Columns.Select(c => c.Kind));
        Assert.Equal(TableMetadata.Detect(table).Columns.Select(c => c.MissingCount), TableMetadata.Detect(back).Columns.Select(c => c.MissingCount));
    }

    [Fact]
    public void Chunks_become_row_groups_and_a_folder_reads_as_one_table_in_file_order()
    {
        string folder = dir.PathOf("parts");
        Directory.CreateDirectory(folder);
        // Written out of name order: the folder is read by name (part-0 first), not by creation time.
        foreach (var (name, offset) in new[] { ("part-1.parquet", 40), ("part-0.parquet", 0) })
        {
            using var writer = ParquetTable.CreateWriter(Path.Combine(folder, name));
            writer.Append(EveryKind(25, offset));
            writer.Append(EveryKind(15, offset + 25));
            writer.Commit();
            Assert.Equal(40, writer.Rows);
        }
        AssertSameTable(EveryKind(80), TableFile.Read(folder));
    }

    [Fact]
    public async Task Small_chunks_are_joined_into_row_groups_of_100000_rows_and_big_ones_split()
    {
        // A shard's blocks of 10,000 rows: 25 of them and a short one make groups of 100,000, 100,000 and 50,003 rows,
        // the rows in order. (A group per block would keep 25 groups' metadata in memory until the file closes.)
        string path = dir.PathOf("blocks.parquet");
        using (var writer = ParquetTable.CreateWriter(path))
        {
            for (int b = 0; b < 25; b++) writer.Append(EveryKind(10_000, b * 10_000));
            writer.Append(EveryKind(3, 250_000));
            writer.Commit();
        }
        long[] groups = await RowGroupRows(path);
        Assert.Equal(new long[] { 100_000, 100_000, 50_003 }, groups);
        AssertSameTable(EveryKind(250_003), TableFile.Read(path));

        // One chunk larger than a group is split, as before: 230,000 rows in groups of 100,000, 100,000 and 30,000.
        string big = dir.PathOf("big.parquet");
        using (var writer = ParquetTable.CreateWriter(big))
        {
            writer.Append(EveryKind(7));
            writer.Append(EveryKind(229_993, 7));
            writer.Commit();
        }
        groups = await RowGroupRows(big);
        Assert.Equal(new long[] { 100_000, 100_000, 30_000 }, groups);
        AssertSameTable(EveryKind(230_000), TableFile.Read(big));
    }

    private static async Task<long[]> RowGroupRows(string path)
    {
        await using var reader = await Parquet.ParquetReader.CreateAsync(path);
        return Enumerable.Range(0, reader.RowGroupCount).Select(g => { using var group = reader.OpenRowGroupReader(g); return group.RowCount; }).ToArray();
    }

    [Fact]
    public void A_file_of_no_rows_keeps_its_columns()
    {
        string path = dir.PathOf("empty.parquet");
        using (var writer = ParquetTable.CreateWriter(path))
        {
            writer.Append(EveryKind().Head(0));
            writer.Commit();
        }
        var back = ParquetTable.Read(path);
        Assert.Equal(0, back.Rows.Count);
        Assert.Equal(EveryKind().Columns.Select(c => c.DataType), back.Columns.Select(c => c.DataType));
    }

    [Fact]
    public void Nothing_is_overwritten_and_an_uncommitted_file_leaves_nothing()
    {
        string path = dir.Write("taken.parquet", "mine");
        var error = Assert.Throws<SynthFileException>(() => ParquetTable.CreateWriter(path));
        Assert.Contains("already exists", error.Message);
        Assert.Equal("mine", File.ReadAllText(path));

        using (var writer = ParquetTable.CreateWriter(dir.PathOf("abandoned.parquet"))) writer.Append(EveryKind());
        Assert.Equal(["taken.parquet"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Bad_inputs_fail_naming_the_file()
    {
        string notParquet = dir.Write("notes.parquet", "just text, not parquet\n");
        Assert.Contains("notes.parquet: is not a readable Parquet file", Assert.Throws<SynthFileException>(() => TableFile.Read(notParquet)).Message);
        Assert.Contains("no such file", Assert.Throws<SynthFileException>(() => TableFile.Read(dir.PathOf("missing.parquet"))).Message);
        string emptyFolder = dir.PathOf("none");
        Directory.CreateDirectory(emptyFolder);
        Assert.Contains("no .parquet files", Assert.Throws<SynthFileException>(() => TableFile.Read(emptyFolder)).Message);

        string mixed = dir.PathOf("mixed");
        Directory.CreateDirectory(mixed);
        using (var w = ParquetTable.CreateWriter(Path.Combine(mixed, "a.parquet"))) { w.Append(EveryKind()); w.Commit(); }
        using (var w = ParquetTable.CreateWriter(Path.Combine(mixed, "b.parquet"))) { w.Append(new DataFrame(new DoubleDataFrameColumn("visits", [1.0]))); w.Commit(); }
        var error = Assert.Throws<SynthFileException>(() => TableFile.Read(mixed));
        Assert.Contains("b.parquet", error.Message);
        Assert.Contains("differ from those of a.parquet", error.Message);
    }

    [Fact]
    public void Csv_paths_still_read_as_csv()
    {
        string csv = dir.Write("t.csv", "a,b\n1,x\n2,y\n");
        Assert.Equal(2, TableFile.Read(csv).Rows.Count);
    }
}
