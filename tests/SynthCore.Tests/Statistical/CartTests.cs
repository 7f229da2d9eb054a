using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

public sealed class CartTests(ITestOutputHelper output)
{
    [Fact]
    public void Without_smoothing_every_sampled_value_is_a_real_value_of_its_column()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("cart", real, new() { ["smoothing"] = "none" }, metadata: metadata).Sample(1000, seed: 1);
        foreach (var column in metadata.Columns.Where(c => c.IsNumeric))
        {
            var values = StatTables.Column(real, column.Name).ToHashSet();
            Assert.All(StatTables.Column(synthetic, column.Name), x => Assert.Contains(x, values));
        }
    }

    [Fact]
    public void Smoothing_moves_rare_values_and_keeps_shared_ones_integers_and_ranges()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("cart", real, metadata: metadata).Sample(1000, seed: 1);
        FidelityChecks.AssertWellFormed(real, synthetic, metadata);
        // Body mass (grams, integers): values ten or more penguins share come back as they were; rarer ones move.
        var mass = StatTables.Column(real, "Body Mass (g)").Where(double.IsFinite).ToArray();
        var shared = mass.GroupBy(x => x).Where(g => g.Count() >= FittedCart.SharedValueRows).Select(g => g.Key).ToHashSet();
        var drawn = StatTables.Column(synthetic, "Body Mass (g)").Where(double.IsFinite).ToArray();
        Assert.All(drawn, x => Assert.Equal(Math.Round(x), x));
        Assert.All(drawn, x => Assert.InRange(x, mass.Min(), mass.Max()));
        Assert.Contains(drawn, x => !mass.Contains(x));
        Assert.Contains(drawn, shared.Contains);
    }

    [Fact]
    public void By_default_coarse_columns_are_visited_first_and_leaves_grow_with_the_table()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var fitted = (FittedCart)StatTables.Fit("cart", real, metadata: metadata);
        Assert.Equal(["Species", "Island", "Sex"], fitted.VisitOrder.Take(3));
        string mostDistinct = metadata.Columns.Where(c => c.IsNumeric).MaxBy(c => StatTables.Column(real, c.Name).Distinct().Count())!.Name;
        Assert.Equal(mostDistinct, fitted.VisitOrder[^1]);
        // √344 ≈ 19 rows per leaf at least.
        Assert.All(fitted.Trees.Skip(1), t => Assert.True(t!.SmallestLeaf >= 19));
    }

    [Fact]
    public void Leaves_keep_at_least_the_minimum_rows_and_the_trees_carry_the_correlations()
    {
        var checks = CartChecks.LeavesAndCorrelations(fitSeed: 7, sampleSeed: 1);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void The_defaults_copy_no_row_and_lean_less_to_the_training_half_than_synthpops()
    {
        var checks = CartPrivacyChecks.DefaultsAgainstSynthpop(seed: 3);
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void The_visit_order_can_be_chosen_and_a_condition_on_its_first_column_is_met_natively()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        string order = "Body Mass (g),Species,Island,Sex,Flipper Length (mm),Beak Length (mm),Beak Depth (mm)";
        var fitted = (FittedCart)StatTables.Fit("cart", real, new() { ["visit-order"] = order }, metadata: metadata);
        Assert.Equal(order.Split(','), fitted.VisitOrder);
        // 14 real penguins weigh 5,800 g or more, all Gentoo; drawn from the first column's marginal, not by rejection.
        var heavy = fitted.Sample(500, new SampleConditions([new RangeCondition("Body Mass (g)", 5800, null)]), seed: 2);
        Assert.All(StatTables.Column(heavy, "Body Mass (g)"), x => Assert.True(x >= 5800));
        Assert.All(FidelityChecks.Labels(heavy["Species"]), s => Assert.Equal("Gentoo", s));
    }

    [Theory]
    [InlineData("Species,Island", "leaves out")]
    [InlineData("Species,Island,Sex,Flipper Length (mm),Beak Length (mm),Beak Depth (mm),Body Mass (g),Wings", "'Wings'")]
    [InlineData("Species,Species,Island,Sex,Flipper Length (mm),Beak Length (mm),Beak Depth (mm),Body Mass (g)", "twice")]
    public void A_bad_visit_order_is_refused_saying_why(string order, string expected)
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var error = Assert.Throws<SynthOptionException>(() => StatTables.Fit("cart", real, new() { ["visit-order"] = order }, metadata: metadata));
        Assert.Equal("visit-order", error.Option);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_bad_min_leaf_is_refused() =>
        Assert.Equal("min-leaf", Assert.Throws<SynthOptionException>(() => StatTables.Fit("cart", StatTables.Numeric(20, 1), new() { ["min-leaf"] = "0" })).Option);
}
