using Microsoft.Data.Analysis;
using SynthCore.Export;

namespace SynthCore.Tests.Export;

public sealed class CsvExporterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "synth-export-" + Guid.NewGuid().ToString("N"));
    private static readonly DateTime Stamp = new(2024, 5, 6, 7, 8, 9);

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private static DataFrame Table() => new(
        new DoubleDataFrameColumn("x", new double[] { 1, 2.5, 3 }),
        new StringDataFrameColumn("c", new[] { "a", "b", "a" }));

    [Fact]
    public void Writes_the_timestamped_name_and_reports_what_it_wrote()
    {
        var result = CsvExporter.ExportTimestamped(Table(), Path.Combine(directory, "new", "dir"), "screen", Stamp);

        Assert.Equal("screen_synthetic_20240506_070809.csv", Path.GetFileName(result.Path));
        Assert.True(File.Exists(result.Path));
        Assert.Equal(3, result.Rows);
        Assert.Equal(2, result.Columns);
        Assert.Equal(new FileInfo(result.Path).Length, result.Bytes);
        var lines = File.ReadAllLines(result.Path);
        Assert.Equal(4, lines.Length);
        Assert.Equal("x,c", lines[0]);
    }

    [Fact]
    public void Never_overwrites_an_existing_file()
    {
        Directory.CreateDirectory(directory);
        string taken = Path.Combine(directory, "screen_synthetic_20240506_070809.csv");
        File.WriteAllText(taken, "keep me");

        var second = CsvExporter.ExportTimestamped(Table(), directory, "screen", Stamp);
        var third = CsvExporter.ExportTimestamped(Table(), directory, "screen", Stamp);

        Assert.Equal("keep me", File.ReadAllText(taken));
        Assert.Equal("screen_synthetic_20240506_070809_2.csv", Path.GetFileName(second.Path));
        Assert.Equal("screen_synthetic_20240506_070809_3.csv", Path.GetFileName(third.Path));
    }

    [Fact]
    public void Leaves_no_temporary_file()
    {
        CsvExporter.ExportTimestamped(Table(), directory, "screen", Stamp);
        Assert.Equal(["screen_synthetic_20240506_070809.csv"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_export_leaves_nothing_behind()
    {
        Directory.CreateDirectory(directory);
        // A file where the output directory should be: the export fails before writing anything.
        var table = new DataFrame(new DoubleDataFrameColumn("x", new double[] { 1 }));
        string blocked = Path.Combine(directory, "blocked");
        File.WriteAllText(blocked, "a file where the output directory should be");

        Assert.Throws<SynthFileException>(() => CsvExporter.ExportTimestamped(table, blocked, "screen", Stamp));
        Assert.Equal(["blocked"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    public void Rejects_names_with_path_characters(string name)
    {
        var e = Assert.Throws<SynthOptionException>(() => CsvExporter.ExportTimestamped(Table(), directory, name, Stamp));
        Assert.Equal("--name", e.Option);
        Assert.False(Directory.Exists(directory));
    }
}
