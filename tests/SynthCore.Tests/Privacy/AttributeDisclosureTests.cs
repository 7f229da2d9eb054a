using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Privacy;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class AttributeDisclosureTests
{
    private static readonly DataFrame Real = new(
        new StringDataFrameColumn("zip", ["A", "A", "B", "B", "C", "C"]),
        new StringDataFrameColumn("sex", ["m", "f", "m", "m", "f", "f"]),
        new StringDataFrameColumn("disease", ["flu", "cold", "flu", "cold", "flu", "flu"]));

    private static readonly DataFrame Synthetic = new(
        new StringDataFrameColumn("zip", ["A", "A", "A", "B", "B", "B", "D"]),
        new StringDataFrameColumn("sex", ["m", "m", "f", "m", "m", "m", "f"]),
        new StringDataFrameColumn("disease", ["flu", "flu", "flu", "cold", "cold", "flu", "cold"]));

    [Fact]
    public void MajorityVoteOfMatchingSyntheticRowsByHand()
    {
        var metadata = TableMetadata.Detect(Real);
        var result = AttributeDisclosure.Evaluate(Real, Synthetic, metadata, ["zip", "sex"], "disease");

        // Synthetic groups: (A,m) → flu 2; (A,f) → flu; (B,m) → cold 2, flu 1; (D,f) → cold.
        // Real rows: (A,m,flu) guess flu ✓; (A,f,cold) guess flu ✗; (B,m,flu) guess cold ✗; (B,m,cold) ✓;
        // (C,f) × 2 unmatched. 2 correct of 6, 4 matched.
        Assert.Equal(6, result.RowsEvaluated);
        Assert.Equal(4, result.RowsMatched);
        Assert.Equal(2.0 / 6, result.CorrectShare, 12);
        Assert.Equal(2.0 / 4, result.CorrectAmongMatched, 12);
        // Synthetic majority: flu 4 of 7; real rows with flu: 4 of 6.
        Assert.Equal("flu", result.BaselineGuess);
        Assert.Equal(4.0 / 6, result.BaselineShare, 12);
        Assert.Equal(2.0 / 6 - 4.0 / 6, result.LiftOverBaseline, 12);
    }

    [Fact]
    public void NumbersAreMatchedByBinOnTheRealRange()
    {
        var real = new DataFrame(new DoubleDataFrameColumn("age", [20.0, 29.0, 40.0]), new StringDataFrameColumn("s", ["x", "y", "y"]));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("age", [21.0, 39.0, 100.0]), new StringDataFrameColumn("s", ["x", "x", "y"]));
        var metadata = TableMetadata.Detect(real);

        // Two bins over [20, 40]: [20, 30) and [30, 40]; 100 clips into the last bin.
        // Bin 0: synthetic x → real 20 (x) ✓, 29 (y) ✗. Bin 1: synthetic x, y tie → "x" (ordinal) → real 40 (y) ✗.
        var binned = AttributeDisclosure.Evaluate(real, synthetic, metadata, ["age"], "s", numericBins: 2);
        Assert.Equal(3, binned.RowsMatched);
        Assert.Equal(1.0 / 3, binned.CorrectShare, 12);

        var exact = AttributeDisclosure.Evaluate(real, synthetic, metadata, ["age"], "s", numericBins: 0);
        Assert.Equal(0, exact.RowsMatched);
        Assert.Equal(0.0, exact.CorrectShare);
    }

    [Fact]
    public void BadColumnsAreNamed()
    {
        var metadata = TableMetadata.Detect(Real);
        Assert.Equal("disease", Assert.Throws<SynthColumnException>(() =>
            AttributeDisclosure.Evaluate(Real, Synthetic, metadata, ["zip", "disease"], "disease")).Column);
        Assert.Equal("age", Assert.Throws<SynthColumnException>(() =>
            AttributeDisclosure.Evaluate(Real, Synthetic, metadata, ["age"], "disease")).Column);
    }
}
