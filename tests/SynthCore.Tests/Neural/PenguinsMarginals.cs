using Microsoft.Data.Analysis;
using SynthCore.Tests.Sweeps;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>
/// The per-column checks every neural model's penguins fit must pass: each numeric column's
/// Kolmogorov–Smirnov distance and their mean, each category's total variation, each missing rate.
/// The bounds cover the seed sweeps of both fixtures (PenguinsCtganSweep, PenguinsTvaeSweep; seeds
/// 1–10, docs/seed-sweeps.md) with a margin of about a third.
/// </summary>
public static class PenguinsMarginals
{
    public static readonly string[] Categorical = ["Species", "Island", "Sex"];

    public static IEnumerable<StatisticalCheck> Measure(DataFrame real, DataFrame synthetic)
    {
        var ks = BundledData.PenguinNumbers.Select(c => KolmogorovSmirnov(Numbers(real, c), Numbers(synthetic, c))).ToArray();
        // Swept: CTGAN 0.044 … 0.152, TVAE 0.046 … 0.120 per column; means 0.071 … 0.108 and 0.063 … 0.083.
        for (int i = 0; i < BundledData.PenguinNumbers.Length; i++) yield return StatisticalCheck.AtMost($"{BundledData.PenguinNumbers[i]} KS", ks[i], 0.2);
        yield return StatisticalCheck.AtMost("mean KS", ks.Average(), 0.15);
        // Swept: CTGAN 0.003 … 0.029, TVAE 0.003 … 0.072 (Species).
        foreach (var column in Categorical)
            yield return StatisticalCheck.AtMost($"{column} total variation", TotalVariation(real, synthetic, column), 0.1);
        // Swept: CTGAN 0.000 … 0.015, TVAE 0.000 … 0.004 (real rates 0.6% … 3.2%).
        foreach (var column in BundledData.PenguinNumbers.Append("Sex"))
            yield return StatisticalCheck.AtMost($"{column} missing-rate gap", Math.Abs(MissingRate(synthetic, column) - MissingRate(real, column)), 0.025);
    }
}
