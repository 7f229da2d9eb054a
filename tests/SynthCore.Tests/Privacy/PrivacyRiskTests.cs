using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Privacy;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class PrivacyRiskTests(ITestOutputHelper output)
{
    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void CopyingTrainingRowsIsCaughtByEveryMetric() => AssertAll(PrivacyRiskChecks.Copies(splitSeed: 1, shuffleSeed: 2));

    [Fact]
    public void IndependentMarginalsCopyNothingAndDefeatTheAttack() => AssertAll(PrivacyRiskChecks.IndependentMarginals(splitSeed: 1, synthesisSeed: 3));

    [Fact]
    public void AFreshDrawFromTheSameDistributionLooksLikeTheHoldout() => AssertAll(PrivacyRiskChecks.FreshDraw(trainingSeed: 10, holdoutSeed: 11, syntheticSeed: 12));

    [Fact]
    public void FreshRowsAgainstASmallHoldoutAreJudgedAtTheirExpectedShare() => AssertAll(PrivacyRiskChecks.FreshDrawSmallHoldout(trainingSeed: 11, holdoutSeed: 12, syntheticSeed: 10));

    [Fact]
    public void DistancesAreGowerStyleByHand()
    {
        // Ranges on the training table: a ∈ [0, 10]; c is categorical.
        var training = new DataFrame(new DoubleDataFrameColumn("a", [0.0, 10.0]), new StringDataFrameColumn("c", ["x", "y"]));
        var synthetic = new DataFrame(new DoubleDataFrameColumn("a", [2.0, 30.0, null]), new StringDataFrameColumn("c", ["y", "x", "x"]));
        var metadata = TableMetadata.Detect(training).WithKind("c", ColumnKind.Categorical);

        var report = PrivacyRisk.Evaluate(training, synthetic, null, metadata);

        // Row 1: to (0,x): (0.2+1)/2 = 0.6, to (10,y): (0.8+0)/2 = 0.4 → DCR 0.4, NNDR 0.4/0.6.
        // Row 2: to (0,x): (1 clipped + 0)/2 = 0.5, to (10,y): (1 clipped + 1)/2 = 1 → 0.5, NNDR 0.5.
        // Row 3: missing a counts 1: to (0,x): 0.5, to (10,y): 1 → 0.5, NNDR 0.5.
        Assert.Equal(0.5, report.SyntheticToTraining.Median, 12);
        Assert.Equal((0.4 + 0.5 + 0.5) / 3, report.SyntheticToTraining.Mean, 12);
        Assert.Equal(0.41, report.SyntheticToTraining.Percentile5, 12); // R7: h = (3−1)·0.05 = 0.1 → 0.4 + 0.1·(0.5−0.4)
        Assert.Equal(0.5, report.SyntheticNndr.Median, 12);
        Assert.Equal(0.0, report.ExactCopyRate);
        Assert.Null(report.MembershipInferenceAuc);
    }

    [Fact]
    public void RocAucCountsTiesAsHalf()
    {
        Assert.Equal(1.0, RocAuc.Compute([3, 4], [1, 2]));
        Assert.Equal(0.0, RocAuc.Compute([1], [2]));
        Assert.Equal(0.5, RocAuc.Compute([1, 1], [1, 1]));
        // Pairs (p, n): (2,1)=1, (2,3)=0, (3,1)=1, (3,3)=0.5 → 2.5 / 4.
        Assert.Equal(0.625, RocAuc.Compute([2, 3], [1, 3]));
    }

    [Fact]
    public void MissingColumnsAndIdentifiersAreNamed()
    {
        var training = new DataFrame(new DoubleDataFrameColumn("a", [0.0, 10.0]), new StringDataFrameColumn("id", ["p", "q"]));
        var metadata = TableMetadata.Detect(training).WithKind("id", ColumnKind.Identifier);
        var noA = new DataFrame(new DoubleDataFrameColumn("b", [1.0, 2.0]));

        var missing = Assert.Throws<SynthColumnException>(() => PrivacyRisk.Evaluate(training, noA, null, metadata));
        Assert.Contains("synthetic", missing.Message);
        var id = Assert.Throws<SynthColumnException>(() =>
            PrivacyRisk.Evaluate(training, training, null, metadata, new PrivacyRiskOptions { Columns = ["a", "id"] }));
        Assert.Equal("id", id.Column);
        Assert.Throws<SynthOptionException>(() =>
            PrivacyRisk.Evaluate(training, training, null, metadata, new PrivacyRiskOptions { Sensitive = "a" }));
    }
}
