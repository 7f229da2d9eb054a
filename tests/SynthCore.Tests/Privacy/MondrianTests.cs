using Microsoft.Data.Analysis;
using SynthCore.Anonymization;
using SynthCore.Data;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class MondrianTests
{
    private static readonly string[] Quasi = ["Island", "Sex", "Flipper Length (mm)", "Body Mass (g)"];

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(25)]
    public void EveryEquivalenceClassHasAtLeastKRowsAndContainsItsRows(int k)
    {
        var penguins = PrivacyTestData.Penguins();
        var result = Mondrian.Anonymize(penguins, TableMetadata.Detect(penguins), Quasi, k);

        var groups = Enumerable.Range(0, 344).GroupBy(r => string.Join("|", Quasi.Select(q => result.Table[q][r]))).ToArray();
        Assert.All(groups, g => Assert.True(g.Count() >= k, $"class {g.Key} has {g.Count()} rows"));
        Assert.Equal(result.Classes, groups.Length);
        Assert.Equal(groups.Min(g => g.Count()), result.SmallestClass);
        Assert.Equal(groups.Sum(g => (long)g.Count() * g.Count()), result.Discernibility);
        Assert.True(result.SmallestClass < 2 * k + 2 || result.Classes == 1, "Mondrian cuts until no allowed cut is left");

        // Truthful: each generalised value covers the original one; other columns are unchanged.
        for (int r = 0; r < 344; r++)
        {
            var flipper = penguins["Flipper Length (mm)"][r];
            string label = (string)result.Table["Flipper Length (mm)"][r];
            if (flipper is null) Assert.Contains("(missing)", label);
            else
            {
                var bounds = label.Split(',')[0].Split('-').Select(double.Parse).ToArray();
                Assert.InRange((double)flipper, bounds[0], bounds[^1]);
            }
            string island = (string)result.Table["Island"][r];
            Assert.Contains((string)penguins["Island"][r], island);
            Assert.Equal(penguins["Species"][r], result.Table["Species"][r]);
        }
    }

    [Fact]
    public void InformationLossGrowsWithK()
    {
        var penguins = PrivacyTestData.Penguins();
        var metadata = TableMetadata.Detect(penguins);
        var losses = new[] { 2, 5, 20, 80 }.Select(k => Mondrian.Anonymize(penguins, metadata, Quasi, k).CertaintyPenalty).ToArray();
        Assert.True(losses.Zip(losses.Skip(1)).All(p => p.First < p.Second), string.Join(", ", losses));
        Assert.InRange(losses[0], 0.0, 0.2);
    }

    [Fact]
    public void SmallTableByHand()
    {
        var table = new DataFrame(
            new DoubleDataFrameColumn("age", [20.0, 21, 22, 30, 31, 32]),
            new StringDataFrameColumn("city", ["a", "b", "a", "c", "c", "c"]),
            new StringDataFrameColumn("disease", ["flu", "cold", "flu", "flu", "flu", "cold"]));
        var metadata = TableMetadata.Detect(table);

        var result = Mondrian.Anonymize(table, metadata, ["age", "city"], 3);

        // age spreads 12/12 = 1, city (3 categories) 2/2 = 1: age first (order), cut at 22|30.
        Assert.Equal(2, result.Classes);
        Assert.Equal(["20-22", "20-22", "20-22", "30-32", "30-32", "30-32"], ((StringDataFrameColumn)result.Table["age"]).ToArray());
        Assert.Equal(["{a,b}", "{a,b}", "{a,b}", "c", "c", "c"], ((StringDataFrameColumn)result.Table["city"]).ToArray());
        // age penalty 2/12 for every row; city (2−1)/(3−1) for the first class, 0 for the second.
        Assert.Equal(2.0 / 12, result.ColumnLosses[0].CertaintyPenalty, 12);
        Assert.Equal(0.25, result.ColumnLosses[1].CertaintyPenalty, 12);
        Assert.Equal((2.0 / 12 + 0.25) / 2, result.CertaintyPenalty, 12);
        Assert.Equal(18, result.Discernibility);
        Assert.Equal([0, 0, 0, 1, 1, 1], result.ClassOfRow);
    }

    [Fact]
    public void BadRequestsAreNamed()
    {
        var table = new DataFrame(new DoubleDataFrameColumn("age", [20.0, 21]), new StringDataFrameColumn("id", ["p1", "p2"]));
        var metadata = TableMetadata.Detect(table).WithKind("id", ColumnKind.Identifier);
        Assert.Equal("--k", Assert.Throws<SynthOptionException>(() => Mondrian.Anonymize(table, metadata, ["age"], 3)).Option);
        Assert.Equal("--k", Assert.Throws<SynthOptionException>(() => Mondrian.Anonymize(table, metadata, ["age"], 0)).Option);
        Assert.Equal("id", Assert.Throws<SynthColumnException>(() => Mondrian.Anonymize(table, metadata, ["id"], 1)).Column);
        Assert.Equal("zip", Assert.Throws<SynthColumnException>(() => Mondrian.Anonymize(table, metadata, ["zip"], 1)).Column);
    }
}
