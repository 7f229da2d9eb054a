using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Export;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using static SynthCore.Tests.Statistical.SampleChecks;

namespace SynthCore.Tests.Statistical;

public sealed class BalancerTests
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Penguins = BundledTables.Penguins();

    [Fact]
    public void Penguin_species_are_balanced_with_the_right_species_traits()
    {
        var model = SynthesizerRegistry.Default.Create("copula", new SynthesizerSettings { Seed = 1 }).Fit(Penguins.Table, Penguins.Metadata);
        var result = Balancer.Balance(model, Penguins.Table, "Species", ratio: 1.0, seed: 3);
        Assert.Equal(new Dictionary<string, int> { ["Adelie"] = 152, ["Chinstrap"] = 68, ["Gentoo"] = 124 }, result.RealCounts);
        Assert.Equal(new Dictionary<string, int> { ["Adelie"] = 0, ["Chinstrap"] = 84, ["Gentoo"] = 28 }, result.Added);
        var augmented = AugmentedTable.Create(Penguins.Table, result.Synthetic);
        Assert.Equal(344 + 112, augmented.Rows.Count);
        var species = Frequencies(augmented, "Species");
        Assert.All(species.Values, share => Assert.Equal(1.0 / 3, share, 6));
        // The added Gentoo are heavy birds, as real Gentoo are.
        SynthCore.Tests.Sweeps.StatisticalCheck.AssertAll(SamplerChecks.BalancedGentoo(fitSeed: 1, balanceSeed: 3));
        Assert.Equal(["real", "synthetic"], Frequencies(augmented, AugmentedTable.SourceColumn).Keys.Order());
    }

    [Fact]
    public void Balancing_needs_a_category_and_a_sane_ratio()
    {
        var model = SynthesizerRegistry.Default.Create("bootstrap", new SynthesizerSettings()).Fit(Penguins.Table, Penguins.Metadata);
        Assert.Contains("categorical or boolean", Assert.Throws<SynthColumnException>(() => Balancer.Balance(model, Penguins.Table, "Body Mass (g)")).Message);
        Assert.Equal("Wingspan", Assert.Throws<SynthColumnException>(() => Balancer.Balance(model, Penguins.Table, "Wingspan")).Column);
        Assert.Throws<SynthOptionException>(() => Balancer.Balance(model, Penguins.Table, "Species", ratio: 1.5));
        var none = Balancer.Balance(model, Penguins.Table, "Species", ratio: 0.1);
        Assert.Equal(0, none.Synthetic.Rows.Count);
        Assert.Equal(Penguins.Table.Columns.Count, none.Synthetic.Columns.Count);
    }
}
