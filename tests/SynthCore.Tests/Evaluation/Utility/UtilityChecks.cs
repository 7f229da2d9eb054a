using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation.Utility;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Evaluation.Utility;

/// <summary>
/// Utility's floor: models trained on penguins whose species were shuffled predict the real test rows at
/// chance, while the same models trained on the real rows do not. The seed draws the split and the
/// shuffle; tolerances from the sweep of seeds 1–20 in the comments.
/// </summary>
public static class UtilityChecks
{
    private static readonly DataFrame Penguins = BundledData.Read("penguins.csv");
    private static readonly TableMetadata Metadata = TableMetadata.Detect(Penguins);

    public static IReadOnlyList<StatisticalCheck> ShuffledLabels(int seed)
    {
        var options = new UtilityOptions("Species") { Seed = seed };
        var (train, _) = UtilityReport.Split(Penguins, "Species", options);
        var synthetic = Penguins[train];
        var random = new Random(seed);
        var shuffled = ((StringDataFrameColumn)synthetic["Species"]).OrderBy(_ => random.Next()).ToArray();
        synthetic["Species"] = new StringDataFrameColumn("Species", shuffled);

        var report = UtilityReport.Evaluate(Penguins, synthetic, Metadata, options);
        var checks = new List<StatisticalCheck>();
        foreach (var result in report.Results)
        {
            // Chance is the majority share for accuracy (Adelie, 44%) and 0.5 for AUC, but 241 shuffled rows leave
            // chance correlations a model can fit. Seeds 1–20: accuracy 0.272 … 0.495 (boosted trees), 0.252 … 0.563
            // (forest), 0.194 … 0.602 (linear); |AUC − 0.5| ≤ 0.117, 0.245, 0.273; trained on real rows ≥ 0.961, 0.951, 0.981.
            checks.Add(StatisticalCheck.AtMost($"{result.Model}: accuracy trained on shuffled labels", result.TrainSyntheticTestReal.Accuracy!.Value, 0.7));
            checks.Add(StatisticalCheck.AtMost($"{result.Model}: |AUC − 0.5| trained on shuffled labels", Math.Abs(result.TrainSyntheticTestReal.RocAuc!.Value - 0.5), 0.35));
            checks.Add(StatisticalCheck.AtLeast($"{result.Model}: accuracy trained on real rows", result.TrainRealTestReal.Accuracy!.Value, 0.92));
        }
        return checks;
    }
}

/// <summary>The utility floor at seeds 1–20.</summary>
public sealed class UtilitySweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void The_shuffled_label_floor_holds_at_every_seed() => SeedSweep.Run(UtilityChecks.ShuffledLabels, output.WriteLine);
}
