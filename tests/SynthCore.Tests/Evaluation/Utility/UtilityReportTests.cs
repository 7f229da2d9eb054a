using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Utility;
using SynthCore.Tests.Sweeps;

namespace SynthCore.Tests.Evaluation.Utility;

public sealed class UtilityReportTests
{
    private static readonly DataFrame Penguins = BundledData.Read("penguins.csv");
    private static readonly TableMetadata Metadata = TableMetadata.Detect(Penguins);

    private static UtilityResult Model(UtilityReport report, string model) => report.Results.Single(r => r.Model == model);

    [Fact]
    public void Species_is_predicted_well_from_real_rows_and_training_on_the_real_training_rows_equals_trtr()
    {
        var options = new UtilityOptions("Species");
        var (train, test) = UtilityReport.Split(Penguins, "Species", options);
        Assert.Equal(344, train.Length + test.Length);
        Assert.Equal(103, test.Length);
        Assert.Empty(train.Intersect(test));

        var report = UtilityReport.Evaluate(Penguins, Penguins[train], Metadata, options);
        Assert.Equal(UtilityTask.Classification, report.Task);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], report.Classes);
        Assert.Equal(241, report.SyntheticRows);
        foreach (var model in UtilityModels.All)
        {
            var result = Model(report, model);
            Assert.True(result.TrainRealTestReal.Accuracy > 0.93, $"{model}: accuracy {result.TrainRealTestReal.Accuracy}");
            Assert.True(result.TrainRealTestReal.MacroF1 > 0.9, $"{model}: F1 {result.TrainRealTestReal.MacroF1}");
            Assert.True(result.TrainRealTestReal.RocAuc > 0.97, $"{model}: AUC {result.TrainRealTestReal.RocAuc}");
            Assert.Equal(result.TrainRealTestReal, result.TrainSyntheticTestReal);
        }
    }

    [Fact]
    public void Training_on_shuffled_labels_is_near_chance()
    {
        var checks = UtilityChecks.ShuffledLabels(seed: 5);
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void Body_mass_regression_trtr_is_good_and_equals_tstr_on_the_real_training_rows()
    {
        var options = new UtilityOptions("Body Mass (g)") { Seed = 3 };
        var (train, test) = UtilityReport.Split(Penguins, "Body Mass (g)", options);
        Assert.Equal(342, train.Length + test.Length); // two penguins were not weighed
        var report = UtilityReport.Evaluate(Penguins, Penguins[train], Metadata, options);
        Assert.Equal(UtilityTask.Regression, report.Task);
        Assert.Null(report.Classes);
        foreach (var model in UtilityModels.All)
        {
            var result = Model(report, model);
            Assert.True(result.TrainRealTestReal.RSquared > 0.75, $"{model}: R² {result.TrainRealTestReal.RSquared}");
            Assert.True(result.TrainRealTestReal.MeanAbsoluteError < 350, $"{model}: MAE {result.TrainRealTestReal.MeanAbsoluteError}");
            Assert.Null(result.TrainRealTestReal.Accuracy);
            Assert.Equal(result.TrainRealTestReal, result.TrainSyntheticTestReal);
        }
        // Noise as the synthetic table: R² about 0 or below.
        var noise = Penguins[train];
        var random = new Random(1);
        noise["Body Mass (g)"] = new DoubleDataFrameColumn("Body Mass (g)", Enumerable.Range(0, train.Length).Select(_ => 3000 + 3000 * random.NextDouble()));
        var bad = UtilityReport.Evaluate(Penguins, noise, Metadata, options);
        Assert.All(bad.Results, r => Assert.True(r.TrainSyntheticTestReal.RSquared < 0.1, $"{r.Model}: R² {r.TrainSyntheticTestReal.RSquared}"));
    }

    [Fact]
    public void Bad_targets_are_named()
    {
        var unknown = Assert.Throws<SynthOptionException>(() => UtilityReport.Evaluate(Penguins, Penguins, Metadata, new UtilityOptions("Wingspan")));
        Assert.Equal("--target", unknown.Option);
        Assert.Contains("Wingspan", unknown.Message);
        var synthetic = Penguins.Clone();
        synthetic.Columns.Remove("Sex");
        var missing = Assert.Throws<SynthColumnException>(() => UtilityReport.Evaluate(Penguins, synthetic, Metadata, new UtilityOptions("Sex")));
        Assert.Equal("Sex", missing.Column);
    }
}

public sealed class UtilityMissingClassTests
{
    [Fact]
    public void A_class_the_synthetic_table_lacks_gets_probability_zero_and_one_class_is_a_constant_model()
    {
        var penguins = BundledData.Read("penguins.csv");
        var metadata = TableMetadata.Detect(penguins);
        var options = new UtilityOptions("Species");
        var (train, _) = UtilityReport.Split(penguins, "Species", options);
        var species = (StringDataFrameColumn)penguins["Species"];
        var noChinstrap = train.Where(i => species[i] != "Chinstrap").ToArray();
        var report = UtilityReport.Evaluate(penguins, penguins[noChinstrap], metadata, options);
        foreach (var result in report.Results)
        {
            // Chinstraps (about a fifth of the holdout) are all missed; the rest is still right.
            Assert.True(result.TrainSyntheticTestReal.Accuracy is > 0.7 and < 0.87, $"{result.Model}: {result.TrainSyntheticTestReal.Accuracy}");
            Assert.NotNull(result.TrainSyntheticTestReal.RocAuc);
        }

        var onlyAdelie = train.Where(i => species[i] == "Adelie").ToArray();
        var constant = UtilityReport.Evaluate(penguins, penguins[onlyAdelie], metadata, options);
        double adelieShare = (double)UtilityReport.Split(penguins, "Species", options).Test.Count(i => species[i] == "Adelie") / 103;
        Assert.All(constant.Results, r =>
        {
            Assert.Equal(adelieShare, r.TrainSyntheticTestReal.Accuracy!.Value, 12);
            Assert.Equal(0.5, r.TrainSyntheticTestReal.RocAuc!.Value, 12);
        });
    }
}
