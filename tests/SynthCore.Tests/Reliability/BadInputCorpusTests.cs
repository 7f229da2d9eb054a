using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Transforms;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// Every file of tests/BadInputs through reading, kind detection and the table transform: the
/// outcome its expectations.tsv gives, and never an exception that is not SynthNotebooks' own.
/// </summary>
public sealed class BadInputCorpusTests
{
    [Fact]
    public void Every_corpus_file_has_an_expectation()
    {
        var listed = BadInputCorpus.Cases.Select(c => c.File).Order().ToArray();
        var present = Directory.GetFiles(BadInputCorpus.Directory, "*.csv").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(present, listed);
        Assert.True(listed.Length >= 30);
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Files), MemberType = typeof(BadInputCorpus))]
    public void Each_file_is_read_correctly_or_refused_with_one_clear_message(string file)
    {
        var expected = BadInputCorpus.Get(file);
        byte[] before = File.ReadAllBytes(expected.Path);

        Exception? error = Record.Exception(() =>
        {
            var table = CsvTable.Read(expected.Path);
            var metadata = TableMetadata.Detect(table);
            Assert.Equal(expected.Columns, table.Columns.Count);
            RoundTrip(table, metadata);
        });

        if (expected.Ok)
        {
            Assert.Null(error);
        }
        else
        {
            var synth = Assert.IsAssignableFrom<SynthException>(error);
            Assert.Contains(expected.Detail, synth.Message);
            Assert.DoesNotContain('\n', synth.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(expected.Path));
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.Files), MemberType = typeof(BadInputCorpus))]
    public void Numbers_and_dates_in_disguise_are_named_never_silently_text(string file)
    {
        var expected = BadInputCorpus.Get(file);
        if (!expected.Ok) return;
        var table = CsvTable.Read(expected.Path);
        var warnings = DisguisedColumns.Find(table, TableMetadata.Detect(table));
        if (expected.Warning is null) Assert.Empty(warnings);
        else Assert.Contains(warnings, w => w.Contains(expected.Warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Documented_readings_of_awkward_files()
    {
        var bom = CsvTable.Read(BadInputCorpus.Get("utf8-with-bom.csv").Path);
        Assert.Equal("a", bom.Columns[0].Name);

        var quoted = CsvTable.Read(BadInputCorpus.Get("quoted-newlines-and-quotes.csv").Path);
        Assert.Equal("line one\nline two", quoted["note"][0]);
        Assert.Equal("say \"hi\"", quoted["note"][1]);

        var semicolons = CsvTable.Read(BadInputCorpus.Get("semicolon-delimited.csv").Path);
        Assert.Equal(["a", "b"], semicolons.Columns.Select(c => c.Name));
        Assert.Equal(3.0, semicolons["a"][1]);

        var mixed = TableMetadata.Detect(CsvTable.Read(BadInputCorpus.Get("mixed-types-text.csv").Path));
        Assert.Equal(ColumnKind.Categorical, mixed["v"].Kind);

        var dates = CsvTable.Read(BadInputCorpus.Get("dates-many-formats.csv").Path);
        Assert.All(new[] { "iso", "slashes", "with_time", "with_offset" }, c => Assert.IsType<PrimitiveDataFrameColumn<DateTime>>(dates[c], exactMatch: false));
        Assert.IsType<StringDataFrameColumn>(CsvTable.Read(BadInputCorpus.Get("dates-mixed-in-one-column.csv").Path)["d"]);
    }

    [Fact]
    public void A_16_megabyte_field_is_read_whole()
    {
        using var dir = new Data.TempDirectory();
        string big = new('x', 16 * 1024 * 1024);
        string path = dir.Write("huge-field.csv", $"id,text\n1,\"{big}\"\n2,short\n");

        var table = CsvTable.Read(path);
        Assert.Equal(big.Length, ((string)table["text"][0]!).Length);
    }

    [Fact]
    public void A_column_with_a_million_distinct_values_is_detected_as_an_identifier_not_a_category()
    {
        using var dir = new Data.TempDirectory();
        var csv = new System.Text.StringBuilder("code,n\n");
        for (int i = 0; i < 1_000_000; i++) csv.Append("c").Append(i).Append(',').Append(i % 7).Append('\n');
        string path = dir.Write("million.csv", csv.ToString());

        var table = CsvTable.Read(path);
        var metadata = TableMetadata.Detect(table);

        Assert.Equal(1_000_000, table.Rows.Count);
        Assert.Equal(ColumnKind.Identifier, metadata["code"].Kind);
    }

    [Fact]
    public void A_table_of_two_thousand_columns_round_trips()
    {
        using var dir = new Data.TempDirectory();
        var random = new Random(5);
        var lines = new List<string> { string.Join(',', Enumerable.Range(0, 2000).Select(c => $"c{c}")) };
        for (int r = 0; r < 50; r++) lines.Add(string.Join(',', Enumerable.Range(0, 2000).Select(_ => random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        string path = dir.Write("wide.csv", string.Join('\n', lines));

        var table = CsvTable.Read(path);
        RoundTrip(table, TableMetadata.Detect(table));
        Assert.Equal(2000, table.Columns.Count);
    }

    /// <summary>Transform and reverse: the same values back (numbers to float precision, after rounding for integers).</summary>
    private static void RoundTrip(DataFrame table, TableMetadata metadata)
    {
        var transform = TableTransform.Fit(table, metadata);
        var back = transform.Reverse(transform.Transform(table), (int)table.Rows.Count);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var kind = metadata.Columns[c].Kind;
            if (kind == ColumnKind.Identifier) continue;
            for (long r = 0; r < table.Rows.Count; r++)
            {
                object? a = table.Columns[c][r], b = back.Columns[c][r];
                if (a is double x && b is double y) Assert.True(Math.Abs(x - y) <= 1e-5 * Math.Max(1, Math.Abs(x)), $"{table.Columns[c].Name}[{r}]: {x} became {y}");
                else if (a is DateTime d && b is DateTime e) Assert.True(Math.Abs((d - e).TotalSeconds) <= 1, $"{table.Columns[c].Name}[{r}]: {d:o} became {e:o}");
                else Assert.Equal(a, b);
            }
        }
    }
}
