using Microsoft.Data.Analysis;
using SynthCore.Tests.Sweeps;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The per-column checks every neural model's penguins fit must pass: each numeric column's
/// Kolmogorov–Smirnov distance and their mean, each category's total variation, each missing rate.
/// </summary>
public static class PenguinsMarginals
{
    public static readonly string[] Numeric = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"];
    public static readonly string[] Categorical = ["Species", "Island", "Sex"];

    public static IEnumerable<StatisticalCheck> Measure(DataFrame real, DataFrame synthetic)
    {
        var ks = Numeric.Select(c => KolmogorovSmirnov(Numbers(real, c), Numbers(synthetic, c))).ToArray();
        for (int i = 0; i < Numeric.Length; i++) yield return StatisticalCheck.AtMost($"{Numeric[i]} KS", ks[i], 0.25);
        yield return StatisticalCheck.AtMost("mean KS", ks.Average(), 0.2);
        foreach (var column in Categorical)
            yield return StatisticalCheck.AtMost($"{column} total variation", TotalVariation(real, synthetic, column), 0.15);
        foreach (var column in Numeric.Append("Sex"))
            yield return StatisticalCheck.AtMost($"{column} missing-rate gap", Math.Abs(MissingRate(synthetic, column) - MissingRate(real, column)), 0.03);
    }
}
