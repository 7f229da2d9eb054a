using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;
using SynthCore.Synthesizers;

namespace SynthCommands.Tests;

/// <summary><c>--where</c> clauses as sample conditions, and the errors that name the clause and the column.</summary>
public sealed class WhereParserTests
{
    private static readonly TableMetadata Metadata = TableMetadata.Detect(new DataFrame(
        new DoubleDataFrameColumn("age", [30.0, 41, 25, 52]),
        new DoubleDataFrameColumn("Body Mass (g)", [3750.5, 3800, 4100, 3900]),
        new StringDataFrameColumn("species", ["Adelie", "Gentoo", "Adelie", "Chinstrap"]),
        new StringDataFrameColumn("species group", ["a", "b", "a", "b"]),
        new BooleanDataFrameColumn("default", [true, false, false, true]),
        new DateTimeDataFrameColumn("opened", [new DateTime(2024, 1, 2), new DateTime(2024, 3, 4), new DateTime(2024, 5, 6), new DateTime(2024, 7, 8)]),
        new StringDataFrameColumn("customer_id", ["c1", "c2", "c3", "c4"])));

    private static ColumnCondition One(string clause) => WhereParser.ParseOne(clause, Metadata);

    [Fact]
    public void Ranges_equalities_and_sets_become_the_library_conditions()
    {
        Assert.Equal(new RangeCondition("age", 30, 40), One("age between 30 and 40"));
        Assert.Equal(new RangeCondition("age", 30, 40), One("  age BETWEEN 30 AND 40 "));
        Assert.Equal(new RangeCondition("age", 30, null), One("age >= 30"));
        Assert.Equal(new RangeCondition("age", null, 40), One("age<=40"));
        Assert.Equal(new RangeCondition("age", 31, null), One("age > 30"));
        Assert.Equal(new RangeCondition("age", null, 39), One("age < 40"));
        Assert.Equal(new EqualsCondition("age", 33.0), One("age = 33"));
        Assert.Equal(new EqualsCondition("default", "yes"), One("default = yes"));
        Assert.Equal(new EqualsCondition("species", "Gentoo"), One("species == 'Gentoo'"));
        var set = Assert.IsType<OneOfCondition>(One("species in (Adelie, \"Gen,too\")"));
        Assert.Equal(["Adelie", "Gen,too"], set.Values);
    }

    [Fact]
    public void Strict_bounds_exclude_the_value_itself()
    {
        var above = Assert.IsType<RangeCondition>(One("Body Mass (g) > 3800"));
        Assert.True(above.Min > 3800 && above.Min < 3800.000001);
        var below = Assert.IsType<RangeCondition>(One("opened < 2024-03-04"));
        Assert.Equal(new DateTime(2024, 3, 4).Ticks - 1, below.Max);
    }

    [Fact]
    public void Column_names_with_spaces_take_the_longest_name_and_may_be_quoted()
    {
        Assert.Equal(new RangeCondition("Body Mass (g)", 3500, 4500), One("Body Mass (g) between 3500 and 4500"));
        Assert.Equal(new EqualsCondition("species group", "a"), One("species group = a"));
        Assert.Equal(new EqualsCondition("species", "Adelie"), One("\"species\" = Adelie"));
        Assert.Equal(new RangeCondition("opened", new DateTime(2024, 2, 1).Ticks, new DateTime(2024, 6, 30).Ticks), One("opened between 2024-02-01 and 2024-06-30"));
    }

    [Theory]
    [InlineData("agee between 30 and 40", "unknown column 'agee' (the table has: age,")]
    [InlineData("Age >= 3", "unknown column 'Age'")]
    [InlineData("\"ag\" = 3", "unknown column 'ag'")]
    [InlineData("age between thirty and 40", "column 'age' is integer; 'thirty' is not a number")]
    [InlineData("opened >= yesterday", "column 'opened' holds dates; 'yesterday' is not a date")]
    [InlineData("age in (30, 40)", "column 'age' is integer: use =, between, >=, <=, > or <, not in (…)")]
    [InlineData("species between a and b", "column 'species' is categorical: use = or in (…), not a range")]
    [InlineData("default > no", "column 'default' is boolean: use = or in (…), not >")]
    [InlineData("species in ()", "the list needs values separated by commas")]
    [InlineData("species ~ Adelie", "after the column 'species' expected = value")]
    [InlineData("customer_id = c1", "column 'customer_id' is an identifier")]
    [InlineData("", "is empty")]
    public void Bad_clauses_fail_naming_the_option_the_clause_and_the_column(string clause, string expected)
    {
        var e = Assert.Throws<SynthOptionException>(() => One(clause));
        Assert.Equal("--where", e.Option);
        Assert.Contains($"'{clause}'", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Two_clauses_on_one_column_are_refused_and_none_give_no_conditions()
    {
        var e = Assert.Throws<SynthOptionException>(() => WhereParser.Parse(["age >= 30", "age <= 40"], Metadata));
        Assert.Contains("column 'age' already has a condition", e.Message);
        Assert.Null(WhereParser.Parse([], Metadata));
        Assert.Equal(2, WhereParser.Parse(["age >= 30", "species = Adelie"], Metadata)!.All.Count);
    }
}
