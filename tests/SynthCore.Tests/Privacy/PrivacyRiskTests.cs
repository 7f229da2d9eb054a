using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Privacy;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class PrivacyRiskTests
{
    [Fact]
    public void CopyingTrainingRowsIsCaughtByEveryMetric()
    {
        var penguins = PrivacyTestData.Penguins();
        var (training, holdout) = PrivacyTestData.Split(penguins, 244, seed: 1);
        var metadata = TableMetadata.Detect(penguins);
        // The "synthesizer" returns its training rows, reshuffled.
        var copies = PrivacyTestData.Split(training, 244, seed: 2).First;

        var report = PrivacyRisk.Evaluate(training, copies, holdout, metadata);

        Assert.Equal(1.0, report.ExactCopyRate);
        Assert.Equal(0.0, report.SyntheticToTraining.Median);
        Assert.Equal(0.0, report.SyntheticNndr.Median);
        Assert.True(report.ShareCloserThanHoldout5th > 0.9, $"share {report.ShareCloserThanHoldout5th}");
        Assert.True(report.MembershipInferenceAuc > 0.9, $"AUC {report.MembershipInferenceAuc}");
        Assert.True(report.HoldoutToTraining!.Median > 0.01, $"holdout median {report.HoldoutToTraining.Median}");
    }

    [Fact]
    public void IndependentMarginalsCopyNothingAndDefeatTheAttack()
    {
        var penguins = PrivacyTestData.Penguins();
        var (training, holdout) = PrivacyTestData.Split(penguins, 244, seed: 1);
        var metadata = TableMetadata.Detect(penguins);
        var synthetic = PrivacyTestData.IndependentMarginals(training, 244, seed: 3);

        var report = PrivacyRisk.Evaluate(training, synthetic, holdout, metadata);

        Assert.True(report.ExactCopyRate < 0.02, $"exact copies {report.ExactCopyRate}");
        Assert.True(report.SyntheticToTraining.Median > report.HoldoutToTraining!.Median, "independent columns sit farther than real rows");
        Assert.InRange(report.MembershipInferenceAuc!.Value, 0.4, 0.6);
    }

    [Fact]
    public void AFreshDrawFromTheSameDistributionLooksLikeTheHoldout()
    {
        var training = PrivacyTestData.Draw(600, seed: 10);
        var holdout = PrivacyTestData.Draw(600, seed: 11);
        var synthetic = PrivacyTestData.Draw(600, seed: 12);
        var metadata = TableMetadata.Detect(training);

        var report = PrivacyRisk.Evaluate(training, synthetic, holdout, metadata);

        Assert.Equal(0.0, report.ExactCopyRate);
        Assert.InRange(report.MembershipInferenceAuc!.Value, 0.45, 0.55);
        Assert.InRange(report.ShareCloserThanHoldout5th!.Value, 0.02, 0.09);
        Assert.InRange(report.SyntheticToTraining.Median / report.HoldoutToTraining!.Median, 0.85, 1.15);
        Assert.InRange(report.SyntheticNndr.Median, report.HoldoutNndr!.Median - 0.05, report.HoldoutNndr.Median + 0.05);
    }

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
