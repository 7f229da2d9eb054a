using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;
using static SynthCore.Tests.Statistical.SampleChecks;

namespace SynthCore.Tests.Statistical;

/// <summary>
/// The rejection sampler's conditional distribution and the balancer's added rows, with the tolerances their
/// seed sweep calibrated (the range each check took over seeds 1–10 is in the comments, then over seeds 1–100;
/// rerun with <see cref="SeedSweep"/>'s command after changing them).
/// </summary>
public static class SamplerChecks
{
    internal static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledTables.Penguins();
    internal static readonly ConditionDomain Domain = ConditionDomain.FromTable(Penguins.Table, Penguins.Metadata);

    // Resamples real rows: a draw function whose conditional distribution we know exactly.
    internal static DataFrame Draw(int rows, Random random)
    {
        var picks = new long[rows];
        for (int i = 0; i < rows; i++) picks[i] = random.Next((int)Penguins.Table.Rows.Count);
        return Penguins.Table[picks];
    }

    /// <summary>2,000 rows on Island = Dream by rejection from resampled real rows: their mean beak length is the real Dream mean.</summary>
    public static IReadOnlyList<StatisticalCheck> RejectionMean(int seed)
    {
        var sample = RejectionSampler.Sample(Draw, 2000, new SampleConditions([new OneOfCondition("Island", ["Dream"])]), Penguins.Metadata, Domain, new Random(seed));
        var xs = new List<double>();
        for (long r = 0; r < Penguins.Table.Rows.Count; r++)
            if ((string?)Penguins.Table.Columns["Island"][r] == "Dream" && Penguins.Table.Columns["Beak Length (mm)"][r] is double x) xs.Add(x);
        // 2,000 draws of 124 Dream birds (sd 5.9 mm): standard error 0.13 mm; the band is 4.6 of them.
        // seeds 1–10: −0.231 … 0.258 (1–100: −0.262 … 0.326)
        return [new StatisticalCheck("beak length | Dream minus real (mm)", ((DoubleDataFrameColumn)sample.Columns["Beak Length (mm)"]).Mean() - xs.Average(), -0.6, 0.6)];
    }

    /// <summary>The balancer's added Gentoo, drawn from a copula conditioned on the species, are heavy birds as real Gentoo are (5,076 g).</summary>
    public static IReadOnlyList<StatisticalCheck> BalancedGentoo(int fitSeed, int balanceSeed)
    {
        var model = SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Seed = fitSeed }).Fit(Penguins.Table, Penguins.Metadata);
        var result = Balancer.Balance(model, Penguins.Table, "Species", ratio: 1.0, seed: balanceSeed);
        Assert.Equal(new Dictionary<string, int> { ["Adelie"] = 0, ["Chinstrap"] = 84, ["Gentoo"] = 28 }, result.Added);
        var gentoo = result.Synthetic.Filter(((StringDataFrameColumn)result.Synthetic.Columns["Species"]).ElementwiseEquals("Gentoo"));
        // The copula draws its Gentoo about 7 % light (GaussianCopulaChecks: a documented limitation), near 4,700 g,
        // and 28 birds give their mean a standard error of about 95 g: 4,500 broke at 7 of seeds 1–100 (seed 18 of
        // 1–10). 4,300 is still above the overall mean (4,202 g) and far above the Adelie's (3,701 g).
        // seeds 1–10: 4484 … 4881 (1–100: 4401 … 5125)
        return [StatisticalCheck.AtLeast("mean mass of the 28 added Gentoo (g)", Numbers(gentoo, "Body Mass (g)").Average(), 4300)];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed) => [.. RejectionMean(seed), .. BalancedGentoo(seed, 100 + seed)];
}

/// <summary>The rejection sampler's and the balancer's checks at seeds 1–10.</summary>
public sealed class SamplerSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(SamplerChecks.All, output.WriteLine);
}
