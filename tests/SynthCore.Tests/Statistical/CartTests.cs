using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

public sealed class CartTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_sampled_value_is_a_real_value_of_its_column()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("cart", real, metadata: metadata).Sample(1000, seed: 1);
        foreach (var column in metadata.Columns.Where(c => c.IsNumeric))
        {
            var values = StatTables.Column(real, column.Name).ToHashSet();
            Assert.All(StatTables.Column(synthetic, column.Name), x => Assert.Contains(x, values));
        }
    }

    [Fact]
    public void Leaves_keep_at_least_the_minimum_rows_and_the_trees_carry_the_correlations()
    {
        var checks = CartChecks.LeavesAndCorrelations(fitSeed: 7, sampleSeed: 1);
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
