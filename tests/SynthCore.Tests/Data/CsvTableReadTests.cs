using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

public sealed class CsvTableReadTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private DataFrame Read(string text, CsvReadOptions? options = null, bool bom = false) =>
        CsvTable.Read(dir.Write("t.csv", text, bom), options);

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    [InlineData(true, "\r\n")]
    public void Reads_typed_columns_with_or_without_bom_and_either_line_end(bool bom, string eol)
    {
        var table = Read(string.Join(eol, "name,count,ratio,when,flag", "a,1,0.5,2024-08-07,true", "b,2,-1.25e1,2024-08-08,False") + eol, bom: bom);

        Assert.Equal(["name", "count", "ratio", "when", "flag"], table.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(table.Columns["name"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["count"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["ratio"]);
        Assert.IsType<DateTimeDataFrameColumn>(table.Columns["when"]);
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["flag"]);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(-12.5, table.Columns["ratio"][1]);
        Assert.Equal(new DateTime(2024, 8, 8), table.Columns["when"][1]);
        Assert.Equal(false, table.Columns["flag"][1]);
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var table = Read("id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,plain\n");
        var text = table.Columns["text"];
        Assert.Equal(["a, b", "say \"hi\"", "two\r\nlines", "plain"], Enumerable.Range(0, 4).Select(i => (string)text[i]!));
    }

    [Fact]
    public void Missing_tokens_become_nulls_case_insensitively_and_options_add_more()
    {
        var table = Read("x,y\n1,a\n,b\nna,N/A\nNaN,null\nNONE,c\n-,d\n", new CsvReadOptions { ExtraMissingTokens = ["-"] });
        var x = table.Columns["x"];
        Assert.IsType<DoubleDataFrameColumn>(x);
        Assert.Equal(5, x.NullCount);
        Assert.Equal(1.0, x[0]);
        Assert.Equal(2, table.Columns["y"].NullCount);
    }

    [Fact]
    public void Quoted_missing_token_is_literal_text_but_quoted_empty_is_missing()
    {
        var table = Read("code,n\n\"NA\",1\n\"\",2\nUS,3\n");
        Assert.Equal("NA", table.Columns["code"][0]);
        Assert.Null(table.Columns["code"][1]);
    }

    [Fact]
    public void Yes_no_is_boolean_and_zero_one_is_numeric()
    {
        var table = Read("a,b\nyes,0\nNo,1\nYES,1\n");
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["a"]);
        Assert.Equal(true, table.Columns["a"][2]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["b"]);
    }

    [Fact]
    public void Dates_in_common_formats_and_iso_times_with_offsets()
    {
        var table = Read("iso,t,us,eu\n2024-01-31,2024-01-31T10:20:30Z,1/31/2024,31.01.2024\n2024-02-01,2024-02-01 08:00,2/1/2024,01.02.2024\n");
        Assert.All(table.Columns, c => Assert.IsType<DateTimeDataFrameColumn>(c));
        Assert.Equal(new DateTime(2024, 1, 31, 10, 20, 30, DateTimeKind.Utc), table.Columns["t"][0]);
        Assert.Equal(new DateTime(2024, 2, 1), table.Columns["us"][1]);
        Assert.Equal(new DateTime(2024, 2, 1), table.Columns["eu"][1]);
    }

    [Fact]
    public void Mixed_text_stays_text()
    {
        var table = Read("v\n1\nhello\n2024-01-01\ntrue\n");
        Assert.IsType<StringDataFrameColumn>(table.Columns["v"]);
        Assert.Equal("1", table.Columns["v"][0]);
    }

    [Fact]
    public void Mostly_numeric_column_with_a_stray_value_names_column_value_and_line()
    {
        string csv = "a,b\n" + string.Concat(Enumerable.Range(1, 12).Select(i => $"x,{i}\n")) + "x,oops\n";
        var e = Assert.Throws<SynthColumnException>(() => Read(csv));
        Assert.Equal("b", e.Column);
        Assert.Contains("'oops'", e.Message);
        Assert.Contains("line 14", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_file_error_naming_the_path()
    {
        string path = dir.PathOf("nope.csv");
        var e = Assert.Throws<SynthFileException>(() => CsvTable.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("no such file", e.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\uFEFF", "empty")]
    [InlineData("  \r\n\r\n", "empty")]
    [InlineData("a,b\r\n", "no data rows")]
    [InlineData("a,b", "no data rows")]
    public void Empty_and_header_only_files_are_rejected(string text, string expected)
    {
        var e = Assert.Throws<SynthFileException>(() => Read(text));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Ragged_row_names_line_and_field_counts()
    {
        var e = Assert.Throws<SynthFileException>(() => Read("a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n"));
        Assert.Contains("line 5", e.Message);
        Assert.Contains("expected 3", e.Message);
        Assert.Contains("found 2", e.Message);
    }

    [Theory]
    [InlineData("a,b,a\n1,2,3\n", "'a' appears twice")]
    [InlineData("a,,c\n1,2,3\n", "column 2 of the header has an empty name")]
    [InlineData("a,b,\n1,2,3\n", "column 3 of the header has an empty name")]
    public void Duplicate_or_empty_column_names_are_rejected(string text, string expected)
    {
        var e = Assert.Throws<SynthFileException>(() => Read(text));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unterminated_quote_names_line_and_column()
    {
        var e = Assert.Throws<SynthFileException>(() => Read("a,b\n1,2\n3,\"open\n4,5\n"));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("column 'b'", e.Message);
        Assert.Contains("unterminated quote", e.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_rejected()
    {
        var e = Assert.Throws<SynthFileException>(() => Read("a,b\n\"x\"y,2\n"));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("column 'a'", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_its_line()
    {
        string path = dir.PathOf("bad.csv");
        File.WriteAllBytes(path, [.. "a\n1\n"u8, 0xC3, 0x28, (byte)'\n']);
        var e = Assert.Throws<SynthFileException>(() => CsvTable.Read(path));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_line_numbers_stay_true()
    {
        var e = Assert.Throws<SynthFileException>(() => Read("a,b\n\n1,2\n\n\n3\n"));
        Assert.Contains("line 6", e.Message);
    }

    [Fact]
    public void Reads_the_screen_time_seed()
    {
        var table = CsvTable.Read(SeedData.ScreenTime);
        Assert.Equal(200, table.Rows.Count);
        Assert.IsType<DateTimeDataFrameColumn>(table.Columns["Date"]);
        Assert.IsType<StringDataFrameColumn>(table.Columns["App"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["Usage (minutes)"]);
        Assert.Equal(81.0, table.Columns["Usage (minutes)"][0]);
    }
}
