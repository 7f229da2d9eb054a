using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Export;

public sealed class CsvTableWriterTests
{
    private static DataFrame Chunk(int start, int rows) => new(
        new DoubleDataFrameColumn("n", Enumerable.Range(start, rows).Select(i => (double)i)),
        new DateTimeDataFrameColumn("d", Enumerable.Range(start, rows).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i))));

    [Fact]
    public void Chunks_make_the_same_file_as_one_table()
    {
        using var dir = new Data.TempDirectory();
        CsvTable.Write(Chunk(0, 30), dir.PathOf("whole.csv"));
        using (var writer = CsvTable.CreateWriter(dir.PathOf("chunked.csv")))
        {
            writer.Append(Chunk(0, 10));
            writer.Append(Chunk(10, 20));
            Assert.False(File.Exists(dir.PathOf("chunked.csv")));
            writer.Commit();
            Assert.Equal(30, writer.Rows);
        }
        Assert.Equal(File.ReadAllText(dir.PathOf("whole.csv")), File.ReadAllText(dir.PathOf("chunked.csv")));
    }

    [Fact]
    public void Without_a_commit_nothing_is_left_and_existing_files_are_never_replaced()
    {
        using var dir = new Data.TempDirectory();
        using (var writer = CsvTable.CreateWriter(dir.PathOf("t.csv"))) writer.Append(Chunk(0, 5));
        Assert.Empty(Directory.GetFiles(dir.Path));

        string existing = dir.Write("t.csv", "keep me");
        Assert.Throws<SynthFileException>(() => CsvTable.CreateWriter(existing));
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void Chunks_must_have_the_first_chunks_columns()
    {
        using var dir = new Data.TempDirectory();
        using var writer = CsvTable.CreateWriter(dir.PathOf("t.csv"));
        writer.Append(Chunk(0, 2));
        Assert.Throws<ArgumentException>(() => writer.Append(new DataFrame(new DoubleDataFrameColumn("other", [1.0]))));
    }
}
