using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Statistical;

/// <summary>Awkward tables for the four statistical models: each gives a clear error or the documented behaviour, never NaN.</summary>
public sealed class StatisticalModelEdgeCaseTests
{
    public static TheoryData<string> Models() => new() { "smote", "kde", "gmm", "cart" };

    [Theory]
    [MemberData(nameof(Models))]
    public void A_constant_column_and_a_one_category_column_are_reproduced_as_they_are(string model)
    {
        var numeric = StatTables.Numeric(40, seed: 2);
        var table = new DataFrame(numeric["x"], new DoubleDataFrameColumn("constant", Enumerable.Repeat(7.5, 40)),
            new StringDataFrameColumn("only", Enumerable.Repeat("same", 40)), numeric["y"]);
        var synthetic = StatTables.Fit(model, table).Sample(200, seed: 1);
        Assert.All(StatTables.Column(synthetic, "constant"), x => Assert.Equal(7.5, x));
        Assert.All(FidelityChecks.Labels(synthetic["only"]), s => Assert.Equal("same", s));
        Assert.Equal(200, StatTables.Column(synthetic, "x").Count(double.IsFinite));
        Assert.Equal(200, StatTables.Column(synthetic, "y").Count(double.IsFinite));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void An_all_missing_column_is_refused_by_name(string model)
    {
        var numeric = StatTables.Numeric(30, seed: 2);
        var table = new DataFrame(numeric["x"], new DoubleDataFrameColumn("empty", Enumerable.Repeat<double?>(null, 30)));
        // Detection already refuses it; metadata built by hand reaches the model.
        Assert.Equal("empty", Assert.Throws<SynthColumnException>(() => TableMetadata.Detect(table)).Column);
        var metadata = new TableMetadata([new ColumnMetadata("x", ColumnKind.Continuous, 0, 30, 30), new ColumnMetadata("empty", ColumnKind.Continuous, 30, 30, 0)]);
        var error = Assert.Throws<SynthColumnException>(() => StatTables.Fit(model, table, metadata: metadata));
        Assert.Equal("empty", error.Column);
        Assert.Contains("only missing values", error.Message);
    }

    [Theory]
    [InlineData("kde")]
    [InlineData("gmm")]
    [InlineData("cart")]
    public void A_single_row_is_reproduced(string model)
    {
        var table = new DataFrame(new DoubleDataFrameColumn("x", [3.25]), new StringDataFrameColumn("c", ["k"]));
        var synthetic = StatTables.Fit(model, table).Sample(20, seed: 1);
        Assert.All(StatTables.Column(synthetic, "x"), x => Assert.Equal(3.25, x));
        Assert.All(FidelityChecks.Labels(synthetic["c"]), s => Assert.Equal("k", s));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Identifiers_are_regenerated_and_cannot_be_conditioned_on(string model)
    {
        var numeric = StatTables.Numeric(30, seed: 3);
        var table = new DataFrame(new StringDataFrameColumn("id", Enumerable.Range(1, 30).Select(i => $"user_{i:000}")), numeric["x"], numeric["y"]);
        var fitted = StatTables.Fit(model, table);
        var synthetic = fitted.Sample(50, seed: 1);
        var ids = FidelityChecks.Labels(synthetic["id"]).ToArray();
        Assert.Equal(50, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^user_[0-9]{3}$", id));
        Assert.Equal("id", Assert.Throws<SynthColumnException>(() =>
            fitted.Sample(5, new SampleConditions([new EqualsCondition("id", "user_001")]))).Column);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Missing_values_everywhere_give_missing_cells_never_NaN(string model)
    {
        var random = new Random(4);
        int rows = 80;
        var x = Enumerable.Range(0, rows).Select(i => random.NextDouble() < 0.3 ? (double?)null : 10 + StatTables.Gaussian(random)).ToArray();
        var y = Enumerable.Range(0, rows).Select(i => random.NextDouble() < 0.2 ? (double?)null : Math.Round(20 + 3 * StatTables.Gaussian(random))).ToArray();
        var c = Enumerable.Range(0, rows).Select(i => random.NextDouble() < 0.25 ? null : random.NextDouble() < 0.5 ? "p" : "q").ToArray();
        var table = new DataFrame(new DoubleDataFrameColumn("x", x), new DoubleDataFrameColumn("y", y), new StringDataFrameColumn("c", c));
        var synthetic = StatTables.Fit(model, table).Sample(1500, seed: 2);
        foreach (var name in new[] { "x", "y", "c" })
        {
            var column = synthetic[name];
            double realRate = (double)table[name].NullCount / rows, synthRate = (double)column.NullCount / column.Length;
            Assert.InRange(synthRate, realRate - 0.08, realRate + 0.08);
            for (long r = 0; r < column.Length; r++)
                Assert.False(column[r] is double d && !double.IsFinite(d), $"{name} row {r} is {column[r]}");
        }
    }
}
