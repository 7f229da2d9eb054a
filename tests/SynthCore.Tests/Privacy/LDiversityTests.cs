using Microsoft.Data.Analysis;
using SynthCore.Anonymization;
using SynthCore.Data;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class LDiversityTests
{
    [Fact]
    public void DistinctSensitiveValuesPerClassByHand()
    {
        var table = new DataFrame(
            new StringDataFrameColumn("age", ["20-29", "20-29", "20-29", "30-39", "30-39", "40-49", "40-49", "40-49"]),
            new StringDataFrameColumn("zip", ["1*", "1*", "1*", "2*", "2*", "1*", "1*", "1*"]),
            new StringDataFrameColumn("disease", ["flu", "cold", "cancer", "flu", "flu", "flu", null, "cold"]));

        // Classes: (20-29,1*) → 3 distinct; (30-39,2*) → 1; (40-49,1*) → flu, missing, cold = 3.
        var two = LDiversity.Check(table, ["age", "zip"], "disease", 2);
        Assert.Equal(3, two.Classes);
        Assert.Equal(1, two.SmallestDistinct);
        Assert.Equal(1, two.ClassesBelowL);
        Assert.Equal(2, two.RowsBelowL);
        Assert.False(two.Satisfied);

        Assert.True(LDiversity.Check(table, ["age", "zip"], "disease", 1).Satisfied);
        var byZip = LDiversity.Check(table, ["zip"], "disease", 3);
        Assert.Equal(2, byZip.Classes);
        Assert.Equal(1, byZip.SmallestDistinct);
        Assert.Equal(2, byZip.RowsBelowL);
    }

    [Fact]
    public void ChecksAMondrianOutput()
    {
        var penguins = PrivacyTestData.Penguins();
        var anonymous = Mondrian.Anonymize(penguins, TableMetadata.Detect(penguins), ["Flipper Length (mm)", "Body Mass (g)"], 10);
        var check = LDiversity.Check(anonymous.Table, ["Flipper Length (mm)", "Body Mass (g)"], "Species", 2);
        Assert.Equal(anonymous.Classes, check.Classes);
        // Species are separated by size: some classes hold one species only.
        Assert.Equal(1, check.SmallestDistinct);
        Assert.InRange(check.ClassesBelowL, 1, check.Classes - 1);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var table = new DataFrame(new StringDataFrameColumn("a", ["x"]), new StringDataFrameColumn("s", ["y"]));
        Assert.Equal("l", Assert.Throws<SynthOptionException>(() => LDiversity.Check(table, ["a"], "s", 0)).Option);
        Assert.Equal("nope", Assert.Throws<SynthColumnException>(() => LDiversity.Check(table, ["nope"], "s", 1)).Column);
        Assert.Equal("s", Assert.Throws<SynthColumnException>(() => LDiversity.Check(table, ["s"], "s", 1)).Column);
    }
}
