using SynthCore.Evaluation;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

/// <summary>
/// CART with 12-row leaves on penguins: its trees carry the correlations, stumps lose them; the
/// tolerances its seed sweep calibrated are in the comments (seeds 1–20; rerun with
/// <see cref="SeedSweep"/>'s command after changing CART).
/// </summary>
public static class CartChecks
{
    public static IReadOnlyList<StatisticalCheck> LeavesAndCorrelations(int fitSeed, int sampleSeed)
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var fitted = (FittedCart)StatTables.Fit("cart", real, new() { ["min-leaf"] = "12" }, fitSeed, metadata);
        Assert.Null(fitted.Trees[0]);
        Assert.All(fitted.Trees.Skip(1), t => Assert.True(t!.SmallestLeaf >= 12));
        var synthetic = fitted.Sample(2000, seed: sampleSeed);
        FidelityChecks.AssertWellFormed(real, synthetic, metadata);
        // seeds 1–20, smoothed numbers, coarse columns first: KS 0.016 … 0.050, TV 0.003 … 0.027, Frobenius 0.045 … 0.110,
        // missing gap ≤ 0.011 (real values in table order, seeds 1–100: KS ≤ 0.042, TV ≤ 0.039, Frobenius ≤ 0.109, missing gap ≤ 0.012)
        var checks = FidelityChecks.Measure(real, synthetic, metadata, new(0.07, 0.05, 0.25)).ToList();
        Assert.True(fitted.Leaves.Sum() > 20); // 94: the trees do not depend on the seed

        // A leaf as large as the table allows no split: every column falls back to its marginal and the correlations vanish.
        var stumps = (FittedCart)StatTables.Fit("cart", real, new() { ["min-leaf"] = "200" }, fitSeed, metadata);
        Assert.All(stumps.Leaves.Skip(1), leaves => Assert.Equal(1, leaves));
        // seeds 1–20: 2.023 … 2.115 (real values in table order, 1–100: 1.996 … 2.154)
        checks.Add(StatisticalCheck.AtLeast("stumps: correlation difference (Frobenius)",
            TableComparison.Compare(real, stumps.Sample(2000, seed: sampleSeed), metadata).Correlation.FrobeniusNorm, 1.5));
        return checks;
    }
}

/// <summary>CART's checks at seeds 1–10 (fit and sample seeds).</summary>
public sealed class CartSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed => CartChecks.LeavesAndCorrelations(seed, 100 + seed), output.WriteLine);

    [SeedSweepFact]
    public void The_private_defaults_hold_at_every_seed() => SeedSweep.Run(CartPrivacyChecks.DefaultsAgainstSynthpop, output.WriteLine);
}
