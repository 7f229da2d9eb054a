using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Data;

/// <summary>Boolean columns come back spelled as they were read, dates in the format they were read in, numbers with the decimals they were read with: through the CSV writer, the metadata and a model file.</summary>
public sealed class ValueSpellingTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private const string Spelled = "yn,title,upper,tf,x\r\nyes,True,YES,true,1\r\nno,False,NO,false,2\r\n,True,NO,true,3\r\nyes,False,YES,false,4\r\n";

    [Fact]
    public void A_table_read_and_written_keeps_each_boolean_spelling()
    {
        var table = CsvTable.Read(dir.Write("in.csv", Spelled));
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["yn"]);
        string path = dir.PathOf("out.csv");
        CsvTable.Write(table, path);
        Assert.Equal(Spelled, File.ReadAllText(path));
    }

    [Theory]
    [InlineData(new[] { "Yes", "No", "Yes" }, "Yes", "No")]
    [InlineData(new[] { "Y", "YES", "NO" }, "YES", "NO")]
    [InlineData(new[] { "yes", "yes" }, "yes", "no")]
    [InlineData(new[] { "FALSE", "FALSE", "true" }, "TRUE", "FALSE")]
    [InlineData(new[] { "no", "No", "No" }, "Yes", "No")]
    public void The_most_common_cell_decides_the_pair_and_its_case(string[] cells, string yes, string no)
    {
        var spelling = BooleanSpelling.Of(cells.Where(c => c != "Y"));
        Assert.Equal(new BooleanSpelling(yes, no), spelling);
    }

    [Fact]
    public void Plain_true_false_records_nothing_so_metadata_and_model_files_stay_as_before()
    {
        Assert.Null(BooleanSpelling.Of(["true", "false", "true"]));
        var table = CsvTable.Read(dir.Write("tf.csv", "b,x\ntrue,1\nfalse,2\n"));
        Assert.DoesNotContain("spelling", TableMetadata.Detect(table).ToJson());
    }

    [Fact]
    public void The_spelling_is_in_the_metadata_and_survives_a_model_file()
    {
        var table = CsvTable.Read(dir.Write("in.csv", Spelled));
        var metadata = TableMetadata.Detect(table);
        Assert.Equal(new BooleanSpelling("yes", "no"), metadata["yn"].Spelling);
        Assert.Equal(new BooleanSpelling("True", "False"), metadata["title"].Spelling);
        Assert.Null(metadata["tf"].Spelling);

        var fitted = SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Seed = 3 }).Fit(table, metadata);
        using var file = new MemoryStream();
        fitted.Save(file);
        var loaded = SynthesizerRegistry.Default.Load(new MemoryStream(file.ToArray()), metadata);
        Assert.Equal(metadata.Columns, loaded.Metadata.Columns);

        string path = dir.PathOf("sampled.csv");
        CsvTable.Write(ColumnSpellings.Apply(loaded.Sample(50, seed: 5), loaded.Metadata), path);
        var lines = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(lines, l => Assert.Contains(l[0], new[] { "yes", "no", "" }));
        Assert.All(lines, l => Assert.Contains(l[1], new[] { "True", "False" }));
        Assert.All(lines, l => Assert.Contains(l[2], new[] { "YES", "NO" }));
        Assert.All(lines, l => Assert.Contains(l[3], new[] { "true", "false" }));
    }

    [Theory]
    [InlineData("d\r\n8/7/2024\r\n12/31/2023\r\n")]
    [InlineData("d\r\n7 Aug 2024\r\n31 Dec 2023\r\n")]
    [InlineData("d\r\n\"Aug 7, 2024\"\r\n\"Dec 31, 2023\"\r\n")]
    [InlineData("d\r\n31.12.2023 14:05\r\n01.02.2024 09:30\r\n")]
    [InlineData("d\r\n2024/08/07\r\n2023/12/31\r\n")]
    [InlineData("d\r\n2024/8/7\r\n2023/12/31\r\n")]
    [InlineData("d\r\n7/8/2024 9:05 PM\r\n31/12/2023 11:15 AM\r\n")]
    [InlineData("d\r\n2024-08-07\r\n2023-12-31\r\n")]
    public void Dates_are_written_back_in_the_format_they_were_read_in(string csv)
    {
        var table = CsvTable.Read(dir.Write("dates.csv", csv));
        Assert.IsType<DateTimeDataFrameColumn>(table.Columns["d"]);
        string path = dir.PathOf("out.csv");
        CsvTable.Write(table, path);
        Assert.Equal(csv, File.ReadAllText(path));
    }

    [Fact]
    public void A_date_format_without_times_gives_way_to_iso_when_the_values_have_times()
    {
        var table = CsvTable.Read(dir.Write("dates.csv", "d\n8/7/2024\n12/31/2023\n"));
        var metadata = TableMetadata.Detect(table);
        Assert.Equal("M/d/yyyy", metadata["d"].DateFormat);
        var later = new DataFrame(new DateTimeDataFrameColumn("d", [new DateTime(2024, 8, 7, 10, 30, 0)]));
        CsvTable.Write(ColumnSpellings.Apply(later, metadata), dir.PathOf("t.csv"));
        Assert.Equal(["d", "2024-08-07T10:30:00"], File.ReadAllLines(dir.PathOf("t.csv")));
        var days = new DataFrame(new DateTimeDataFrameColumn("d", [new DateTime(2024, 8, 7)]));
        CsvTable.Write(ColumnSpellings.Apply(days, metadata), dir.PathOf("d.csv"));
        Assert.Equal(["d", "8/7/2024"], File.ReadAllLines(dir.PathOf("d.csv")));
    }

    [Theory]
    [InlineData("""[{"name":"b","kind":"boolean","missing_count":0,"row_count":2,"distinct_count":2,"spelling":{"true":"yes,1","false":"no"}}]""", "spelling")]
    [InlineData("""[{"name":"b","kind":"boolean","missing_count":0,"row_count":2,"distinct_count":2,"spelling":{"true":"no","false":"yes"}}]""", "spelling")]
    [InlineData("""[{"name":"d","kind":"datetime","missing_count":0,"row_count":2,"distinct_count":2,"date_format":"yyyy\n%"}]""", "date format")]
    public void A_model_file_cannot_choose_what_the_writer_writes(string json, string what)
    {
        var e = Assert.Throws<SynthColumnException>(() => TableMetadata.FromJson(json));
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void Metadata_written_before_spellings_were_recorded_still_loads()
    {
        var old = TableMetadata.FromJson("""[{"name":"b","kind":"boolean","missing_count":0,"row_count":2,"distinct_count":2,"overridden":false},{"name":"x","kind":"continuous","missing_count":0,"row_count":2,"distinct_count":2,"overridden":false}]""");
        Assert.Null(old["b"].Spelling);
        Assert.Null(old["x"].Decimals);
    }

    [Theory]
    [InlineData(new[] { "1.50", "2.00", "3.25" }, 2)]
    [InlineData(new[] { " 1.5", "-2.0 ", "+3.1" }, 1)]
    [InlineData(new[] { "3", "12", "-4" }, 0)]
    [InlineData(new[] { "1.5", "2.25", "3" }, null)]
    [InlineData(new[] { "1.50", "1e3" }, null)]
    [InlineData(new[] { "0.1234567890123456" }, null)]
    public void Numbers_record_their_decimals_only_when_every_value_shares_them(string[] cells, int? decimals) =>
        Assert.Equal(decimals, FixedDecimals.Of(cells));

    [Theory]
    [InlineData(1.5, 2, "1.50")]
    [InlineData(1.4999999, 2, "1.50")]
    [InlineData(2.125, 2, "2.13")]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(1234567.891, 1, "1234567.9")]
    [InlineData(2.6, 0, "3")]
    public void Fixed_decimals_round_invariantly_without_thousands_or_a_negative_zero(double value, int decimals, string text) =>
        Assert.Equal(text, FixedDecimals.Format(value, decimals));

    private const string Priced = "price,ratio,count,whole\r\n1.50,0.5,3,1.0\r\n2.00,0.25,12,2.0\r\n,1.125,4,3.0\r\n3.25,2,7,4.0\r\n";

    [Fact]
    public void A_table_read_and_written_keeps_each_columns_decimals()
    {
        var table = CsvTable.Read(dir.Write("in.csv", Priced));
        string path = dir.PathOf("out.csv");
        CsvTable.Write(table, path);
        Assert.Equal(Priced, File.ReadAllText(path));
    }

    [Fact]
    public void The_decimals_are_in_the_metadata_survive_a_model_file_and_round_sampled_values()
    {
        var table = CsvTable.Read(dir.Write("in.csv", Priced));
        var metadata = TableMetadata.Detect(table);
        Assert.Equal(2, metadata["price"].Decimals);
        Assert.Null(metadata["ratio"].Decimals);
        Assert.Equal(0, metadata["count"].Decimals);
        Assert.Equal(1, metadata["whole"].Decimals);
        Assert.Equal(ColumnKind.Integer, metadata["whole"].Kind);

        var fitted = SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Seed = 3 }).Fit(table, metadata);
        using var file = new MemoryStream();
        fitted.Save(file);
        var loaded = SynthesizerRegistry.Default.Load(new MemoryStream(file.ToArray()), metadata);
        Assert.Equal(metadata.Columns, loaded.Metadata.Columns);

        var sample = loaded.Sample(50, seed: 5);
        string path = dir.PathOf("sampled.csv");
        CsvTable.Write(ColumnSpellings.Apply(sample, loaded.Metadata), path);
        var lines = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(lines, l => Assert.Matches(@"^(-?\d+\.\d{2})?$", l[0]));
        Assert.All(lines, l => Assert.Matches(@"^-?\d+\.\d$", l[3]));
        // The mixed column is written as before: the shortest text that reads back as the sampled double.
        var ratios = (DoubleDataFrameColumn)sample.Columns["ratio"];
        Assert.Equal(Enumerable.Range(0, 50).Select(r => ratios[r]!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => l[1]));
    }

    [Fact]
    public void A_model_file_cannot_choose_decimals_the_reader_never_records()
    {
        var e = Assert.Throws<SynthColumnException>(() => TableMetadata.FromJson(
            """[{"name":"x","kind":"continuous","missing_count":0,"row_count":2,"distinct_count":2,"decimals":99}]"""));
        Assert.Contains("decimals", e.Message);
    }
}
