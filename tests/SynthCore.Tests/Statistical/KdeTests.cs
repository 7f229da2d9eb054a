using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;

namespace SynthCore.Tests.Statistical;

public sealed class KdeTests
{
    [Theory]
    // scipy.stats.gaussian_kde (values from Python with its formulas): scotts_factor = n^(-1/(d+4)), silverman_factor = (n (d+2) / 4)^(-1/(d+4)).
    [InlineData("scott", 100, 2, 0.4641588833612779)]
    [InlineData("silverman", 100, 2, 0.4641588833612779)]
    [InlineData("scott", 344, 4, 0.48187033908316734)]
    [InlineData("silverman", 344, 4, 0.45805622257626966)]
    [InlineData("0.3", 344, 4, 0.3)]
    public void Bandwidth_rules_are_scipys(string rule, int rows, int dims, double expected) =>
        Assert.Equal(expected, new KdeOptions { Bandwidth = rule }.Factor(rows, dims), 12);

    /// <summary>Mean standardised distance from each sample to its nearest real row.</summary>
    private static double NearestDistance(string bandwidth)
    {
        var table = StatTables.Numeric(200, seed: 5);
        double[] x = StatTables.Column(table, "x"), y = StatTables.Column(table, "y");
        var synthetic = StatTables.Fit("kde", table, new() { ["bandwidth"] = bandwidth }).Sample(300, seed: 1);
        double[] sx = StatTables.Column(synthetic, "x"), sy = StatTables.Column(synthetic, "y");
        return Enumerable.Range(0, sx.Length).Average(r => Enumerable.Range(0, x.Length).Min(i => Math.Sqrt(Math.Pow((sx[r] - x[i]) / 2, 2) + Math.Pow((sy[r] - y[i]) / 2.2, 2))));
    }

    [Fact]
    public void The_bandwidth_sets_how_far_samples_stray_from_real_rows()
    {
        double narrow = NearestDistance("0.02"), scott = NearestDistance("scott"), wide = NearestDistance("1");
        Assert.True(narrow < 0.03, $"bandwidth 0.02: {narrow}");
        Assert.True(scott > 3 * narrow && scott < wide, $"narrow {narrow}, scott {scott}, wide {wide}");
    }

    [Fact]
    public void Samples_have_the_datas_correlation_not_shrunk_by_the_kernel()
    {
        // y = x + noise: correlation 2/√5 ≈ 0.894. A product kernel with Scott's factor (0.41 here) would shrink it towards 0.75.
        var table = StatTables.Numeric(400, seed: 6);
        var synthetic = StatTables.Fit("kde", table).Sample(4000, seed: 2);
        double real = MathNet.Numerics.Statistics.Correlation.Pearson(StatTables.Column(table, "x"), StatTables.Column(table, "y"));
        double synth = MathNet.Numerics.Statistics.Correlation.Pearson(StatTables.Column(synthetic, "x"), StatTables.Column(synthetic, "y"));
        Assert.InRange(synth, real - 0.03, real + 0.03);
    }

    [Fact]
    public void An_exact_numeric_value_is_met_natively_and_shapes_the_other_columns()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var fitted = StatTables.Fit("kde", real, metadata: metadata);
        var rows = fitted.Sample(300, new SampleConditions([new EqualsCondition("Flipper Length (mm)", 225.0)]), seed: 3);
        Assert.All(StatTables.Column(rows, "Flipper Length (mm)"), x => Assert.Equal(225, x));
        // Flippers of 225 mm are Gentoo's (all real penguins with flippers over 210 mm are Gentoo), and heavy.
        Assert.True(FidelityChecks.Labels(rows["Species"]).Count(s => s == "Gentoo") >= 280);
        Assert.True(StatTables.Column(rows, "Body Mass (g)").Average() > 5000);
    }

    [Fact]
    public void Category_combinations_come_from_the_real_rows_at_their_frequencies()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("kde", real, metadata: metadata).Sample(3000, seed: 8);
        static string[] Combos(Microsoft.Data.Analysis.DataFrame t) => Enumerable.Range(0, (int)t.Rows.Count)
            .Select(r => $"{t["Species"][r]}|{t["Island"][r]}|{t["Sex"][r]}").ToArray();
        var realCombos = Combos(real);
        var synthCombos = Combos(synthetic);
        Assert.All(synthCombos, c => Assert.Contains(c, realCombos));
        // Total variation distance between the joint frequencies: small for 3,000 draws from 344 rows.
        double tv = realCombos.Concat(synthCombos).Distinct().Sum(c =>
            Math.Abs(realCombos.Count(x => x == c) / 344.0 - synthCombos.Count(x => x == c) / 3000.0)) / 2;
        Assert.True(tv < 0.06, $"joint TV {tv}");
    }

    [Fact]
    public void Values_leaving_the_range_are_reflected_back_inside()
    {
        Assert.Equal(1.5, FittedKde.Reflect(0.5, 1, 10));
        Assert.Equal(9, FittedKde.Reflect(11, 1, 10));
        Assert.Equal(1, FittedKde.Reflect(-50, 1, 10));
        var table = StatTables.Numeric(100, seed: 2);
        var synthetic = StatTables.Fit("kde", table, new() { ["bandwidth"] = "1.5" }).Sample(2000, seed: 1);
        double[] x = StatTables.Column(table, "x"), sx = StatTables.Column(synthetic, "x");
        Assert.All(sx, v => Assert.InRange(v, x.Min(), x.Max()));
        // Reflection, not clipping: no pile of samples on the bounds.
        Assert.True(sx.Count(v => v == x.Min() || v == x.Max()) < 10);
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("-1")]
    [InlineData("0")]
    public void A_bad_bandwidth_is_refused(string bandwidth) =>
        Assert.Equal("bandwidth", Assert.Throws<SynthOptionException>(() => StatTables.Fit("kde", StatTables.Numeric(20, 1), new() { ["bandwidth"] = bandwidth })).Option);
}
