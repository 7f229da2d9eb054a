using System.Text;
using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

/// <summary>The streamed CSV read: Sep splits as our own reader does, and the rows Sep cannot split fall back to ours mid-file.</summary>
public sealed class CsvStreamingTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>The records a reader gives, or its error's message.</summary>
    private static string Split(string text, Func<TextReader, ICsvRecordReader> reader)
    {
        var result = new StringBuilder();
        try
        {
            foreach (var record in reader(new StringReader(text)).Records())
                result.Append(record.Line).Append(':').AppendJoin('|', record.Fields.Select((f, i) => (record.Quoted[i] ? "q" : "") + f)).Append('\n');
        }
        catch (SynthFileException e) { result.Append("error ").Append(e.Message); }
        return result.ToString();
    }

    [Fact]
    public void Sep_splits_any_text_as_our_reader_does_or_hands_it_over()
    {
        string[] pieces = ["1", "ab", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", ";"];
        var random = new Random(5);
        int compared = 0;
        for (int t = 0; t < 3000; t++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            string ours = Split(text, r => new CsvRecordReader(r, ',', "t.csv"));
            string sep;
            try { sep = Split(text, r => new SepRecordReader(r, ',', "t.csv")); }
            catch (SepRecordReader.NotSplittable) { continue; }
            Assert.True(ours == sep, $"text {System.Text.Json.JsonSerializer.Serialize(text)}:\nours\n{ours}\nsep\n{sep}");
            compared++;
        }
        Assert.True(compared > 1000, $"only {compared} texts were split by Sep");
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_far_into_the_file_is_literal_and_the_rows_after_it_are_read()
    {
        var text = new StringBuilder("name,n\n");
        for (int r = 0; r < 5000; r++) text.Append("row").Append(r).Append(',').Append(r).Append('\n');
        text.Append("5\"10,5000\n");
        for (int r = 5001; r < 6000; r++) text.Append("row").Append(r).Append(',').Append(r).Append('\n');

        var table = CsvTable.Read(dir.Write("quotes.csv", text.ToString()));

        Assert.Equal(6000, table.Rows.Count);
        Assert.Equal("5\"10", table.Columns["name"][5000]);
        Assert.Equal("row5999", table.Columns["name"][5999]);
        Assert.Equal(5999.0, table.Columns["n"][5999]);
    }

    [Fact]
    public void A_row_longer_than_sep_holds_is_read_with_the_rows_around_it()
    {
        string path = dir.Write("long.csv", "a,b\n1,x\n2,\"" + new string('y', 17 << 20) + "\"\n3,z\n");

        var table = CsvTable.Read(path);

        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(17 << 20, ((string)table.Columns["b"][1]).Length);
        Assert.Equal("z", table.Columns["b"][2]);
    }

    [Fact]
    public void A_delimiter_sep_does_not_take_is_read_by_our_reader()
    {
        var table = CsvTable.Read(dir.Write("x.csv", "axb\n1x2\n"), new CsvReadOptions { Delimiter = 'x', DetectDelimiter = false });
        Assert.Equal(["a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal(2.0, table.Columns["b"][0]);
    }

    [Fact]
    public void Kinds_are_decided_over_the_whole_column_though_it_is_streamed()
    {
        // A date family is chosen over all rows: 13/1 in the last row rules out month first.
        var text = new StringBuilder("code,day\n");
        for (int r = 0; r < 20_000; r++) text.Append(r).Append(",1/").Append(1 + r % 12).Append("/2024\n");
        text.Append("7,13/1/2024\n");
        var days = Assert.IsType<DateTimeDataFrameColumn>(CsvTable.Read(dir.Write("late.csv", text.ToString())).Columns["day"]);
        Assert.Equal(new DateTime(2024, 1, 13), days[20_000]);
        Assert.Equal(new DateTime(2024, 2, 1), days[1]);

        // One text value in the last row of a numbers column is found, with its line, as a whole-file read found it.
        text.Append("A7,1/1/2024\n");
        var e = Assert.Throws<SynthColumnException>(() => CsvTable.Read(dir.Write("late-text.csv", text.ToString())));
        Assert.Contains("20001 of 20002 values are numbers, but line 20003 has 'A7'", e.Message);
    }
}
