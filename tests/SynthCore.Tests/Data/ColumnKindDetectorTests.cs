using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.Tests.Data;

public class ColumnKindDetectorTests
{
    [Fact]
    public void Screen_time_seed_kinds()
    {
        var metadata = TableMetadata.Detect(CsvTable.Read(SeedData.ScreenTime));

        Assert.Equal(ColumnKind.Datetime, metadata["Date"].Kind);
        Assert.Equal(ColumnKind.Categorical, metadata["App"].Kind);
        Assert.Equal(ColumnKind.Integer, metadata["Usage (minutes)"].Kind);
        Assert.Equal(ColumnKind.Integer, metadata["Notifications"].Kind);
        Assert.Equal(ColumnKind.Integer, metadata["Times Opened"].Kind);
        Assert.All(metadata.Columns, c => Assert.Equal(0, c.MissingCount));
        Assert.All(metadata.Columns, c => Assert.Equal(200, c.RowCount));
        Assert.Equal(["Date", "App", "Usage (minutes)", "Notifications", "Times Opened"], metadata.Columns.Select(c => c.Name));
        Assert.InRange(metadata["App"].DistinctCount, 2, 20);
    }

    [Fact]
    public void Kinds_by_type_and_counts()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("real", [1.5, 2, null, 4]),
            new DoubleDataFrameColumn("whole", [1, 2, 2, 4]),
            new Int32DataFrameColumn("int", [5, 6, 7, 8]),
            new StringDataFrameColumn("cat", ["a", "b", "a", null]),
            new BooleanDataFrameColumn("flag", [true, false, true, true]),
            new DateTimeDataFrameColumn("when", [DateTime.Today, DateTime.Today, null, null]));

        var m = TableMetadata.Detect(table);

        Assert.Equal([ColumnKind.Continuous, ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.Datetime],
            m.Columns.Select(c => c.Kind));
        Assert.Equal((1, 3, 0.25), (m["real"].MissingCount, m["real"].DistinctCount, m["real"].MissingFraction));
        Assert.Equal(3, m["whole"].DistinctCount);
        Assert.Equal((1, 2), (m["cat"].MissingCount, m["cat"].DistinctCount));
        Assert.Equal((2, 1), (m["when"].MissingCount, m["when"].DistinctCount));
        Assert.All(m.Columns, c => Assert.False(c.Overridden));
    }

    [Theory]
    [InlineData("id", true)]
    [InlineData("user_id", true)]
    [InlineData("UserID", true)]
    [InlineData("customerId", true)]
    [InlineData("Row Key", true)]
    [InlineData("uuid", true)]
    [InlineData("Unnamed: 0", true)]
    [InlineData("idle", false)]
    [InlineData("keyboard", false)]
    [InlineData("Identity score", false)]
    [InlineData("count", false)]
    public void Key_like_names(string name, bool expected) =>
        Assert.Equal(expected, ColumnKindDetector.NameSaysKey(name));

    [Fact]
    public void Unique_integers_named_like_ids_are_identifiers_but_repeated_ones_are_not()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("user_id", [10, 11, 12, 13]),
            new DoubleDataFrameColumn("group_id", [1, 1, 2, 2]),
            new DoubleDataFrameColumn("score", [1, 2, 3, 4]));
        var m = TableMetadata.Detect(table);
        Assert.Equal(ColumnKind.Identifier, m["user_id"].Kind);
        Assert.Equal(ColumnKind.Integer, m["group_id"].Kind);
        Assert.Equal(ColumnKind.Integer, m["score"].Kind);
    }

    [Fact]
    public void Unique_key_shaped_text_is_an_identifier_only_in_tables_of_twenty_rows_or_more()
    {
        DataFrame Table(int rows) => new(
            new StringDataFrameColumn("customer", Enumerable.Range(1, rows).Select(i => $"CUST-{i:D4}")),
            new StringDataFrameColumn("token", Enumerable.Range(1, rows).Select(i => new Guid(i, 0, 0, new byte[8]).ToString())),
            new StringDataFrameColumn("name", Enumerable.Range(1, rows).Select(i => "person " + (char)('A' + i % 26) + i)));

        var big = TableMetadata.Detect(Table(25));
        Assert.Equal(ColumnKind.Identifier, big["customer"].Kind);
        Assert.Equal(ColumnKind.Identifier, big["token"].Kind);
        Assert.Equal(ColumnKind.Categorical, big["name"].Kind);

        var small = TableMetadata.Detect(Table(10));
        Assert.Equal(ColumnKind.Categorical, small["customer"].Kind);
        Assert.Equal(ColumnKind.Categorical, small["token"].Kind);
    }

    [Fact]
    public void Overrides_are_applied_and_marked()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("code", [1, 2, 3, 1]),
            new StringDataFrameColumn("amount", ["1.5", "2", "3", "4"]),
            new DoubleDataFrameColumn("flag", [0, 1, 1, 0]));
        var m = TableMetadata.Detect(table, new Dictionary<string, ColumnKind>
        {
            ["code"] = ColumnKind.Categorical,
            ["amount"] = ColumnKind.Continuous,
            ["flag"] = ColumnKind.Boolean,
        });
        Assert.Equal((ColumnKind.Categorical, true), (m["code"].Kind, m["code"].Overridden));
        Assert.Equal(ColumnKind.Continuous, m["amount"].Kind);
        Assert.Equal(ColumnKind.Boolean, m["flag"].Kind);
    }

    [Fact]
    public void Override_of_an_unknown_column_lists_the_columns()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("a", [1.0]), new DoubleDataFrameColumn("b", [2.0]));
        var e = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["c"] = ColumnKind.Integer }));
        Assert.Equal("c", e.Column);
        Assert.Contains("a, b", e.Message);
    }

    [Fact]
    public void Impossible_overrides_name_a_bad_value()
    {
        var table = new DataFrame(
            new StringDataFrameColumn("app", ["Instagram", "X"]),
            new StringDataFrameColumn("mixed", ["1", "2x"]),
            new DateTimeDataFrameColumn("when", [new DateTime(2024, 8, 7), null]),
            new DoubleDataFrameColumn("n", [0, 2]));

        var e1 = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["app"] = ColumnKind.Continuous }));
        Assert.Equal("app", e1.Column);
        Assert.Contains("'Instagram'", e1.Message);

        var e2 = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["mixed"] = ColumnKind.Integer }));
        Assert.Contains("row 2 has '2x'", e2.Message);

        var e3 = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["when"] = ColumnKind.Continuous }));
        Assert.Contains("'2024-08-07'", e3.Message);

        var e4 = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["n"] = ColumnKind.Boolean }));
        Assert.Contains("'2'", e4.Message);
    }

    [Fact]
    public void A_column_with_only_missing_values_is_an_error()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("a", [1.0, 2.0]), new DoubleDataFrameColumn("empty", [null, double.NaN]));
        var e = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table));
        Assert.Equal("empty", e.Column);
        Assert.Contains("has only missing values", e.Message);
    }

    [Fact]
    public void An_empty_table_is_an_error()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("a", 0));
        var e = Assert.Throws<SynthException>(() => TableMetadata.Detect(table));
        Assert.Contains("no rows", e.Message);
    }

    [Fact]
    public void Infinite_numbers_are_rejected()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("x", [1.0, double.PositiveInfinity]));
        var e = Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table));
        Assert.Contains("row 2", e.Message);
    }
}
