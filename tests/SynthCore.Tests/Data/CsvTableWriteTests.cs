using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

public sealed class CsvTableWriteTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Writes_invariant_csv_that_reads_back_to_the_same_table()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("n", [3, 2.5, null, -1e-7]),
            new StringDataFrameColumn("s", ["plain", "a,b", "say \"hi\"", "NA"]),
            new DateTimeDataFrameColumn("d", [new DateTime(2024, 8, 7), null, new DateTime(2024, 1, 2), new DateTime(2023, 12, 31)]),
            new BooleanDataFrameColumn("b", [true, false, null, true]));
        string path = dir.PathOf("out.csv");
        CsvTable.Write(table, path);

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("n,s,d,b", lines[0]);
        Assert.Equal("3,plain,2024-08-07,true", lines[1]);
        Assert.Equal("2.5,\"a,b\",,false", lines[2]);
        Assert.Equal(",\"say \"\"hi\"\"\",2024-01-02,", lines[3]);
        Assert.Equal("-1E-07,\"NA\",2023-12-31,true", lines[4]);

        var back = CsvTable.Read(path);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            Assert.Equal(table.Columns[c].DataType, back.Columns[c].DataType);
            for (int r = 0; r < 4; r++) Assert.Equal(table.Columns[c][r], back.Columns[c][r]);
        }
    }

    [Fact]
    public void Times_are_written_in_iso_8601_with_z_for_utc()
    {
        var table = new DataFrame(new DateTimeDataFrameColumn("t", [new DateTime(2024, 8, 7, 10, 0, 0), new DateTime(2024, 8, 7, 10, 0, 0, 500, DateTimeKind.Utc)]));
        string path = dir.PathOf("t.csv");
        CsvTable.Write(table, path);
        Assert.Equal(["t", "2024-08-07T10:00:00", "2024-08-07T10:00:00.5Z"], File.ReadAllLines(path));
    }

    [Fact]
    public void Never_overwrites_an_existing_file()
    {
        string path = dir.Write("keep.csv", "precious\n");
        var e = Assert.Throws<SynthFileException>(() => CsvTable.Write(new DataFrame(new DoubleDataFrameColumn("x", [1.0])), path));
        Assert.Contains("refusing to overwrite", e.Message);
        Assert.Equal("precious\n", File.ReadAllText(path));
    }
}
