using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical;

namespace SynthCore.Tests.Statistical;

public sealed class GmmTests
{
    /// <summary>
    /// 900 rows from two known components: 30 % around (0, 0) with covariance [[1, 0.5], [0.5, 1]],
    /// 70 % around (6, −3) with covariance [[0.5, 0], [0, 2]]; "group" names the component (5 % flipped).
    /// </summary>
    private static DataFrame TwoClusters(int seed)
    {
        var random = new Random(seed);
        int rows = 900;
        var x = new double[rows];
        var y = new double[rows];
        var group = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = StatTables.Gaussian(random), b = StatTables.Gaussian(random);
            bool first = i < 270;
            if (first) { x[i] = a; y[i] = 0.5 * a + Math.Sqrt(0.75) * b; }
            else { x[i] = 6 + Math.Sqrt(0.5) * a; y[i] = -3 + Math.Sqrt(2) * b; }
            group[i] = (first ^ random.NextDouble() < 0.05) ? "a" : "b";
        }
        return new DataFrame(new DoubleDataFrameColumn("x", x), new DoubleDataFrameColumn("y", y), new StringDataFrameColumn("group", group));
    }

    [Fact]
    public void BIC_picks_two_components_and_EM_recovers_them()
    {
        var fitted = (FittedGmm)StatTables.Fit("gmm", TwoClusters(1), new() { ["max-components"] = "5" });
        Assert.Equal(2, fitted.Mixture.Components);
        Assert.Equal(1, Array.IndexOf(fitted.Bics, fitted.Bics.Min()));
        Assert.Equal(5, fitted.Bics.Length);
        var means = fitted.MeansInUnits;
        int small = means[0][0] < means[1][0] ? 0 : 1;
        Assert.Equal(0, means[small][0], 0.2);
        Assert.Equal(0, means[small][1], 0.2);
        Assert.Equal(6, means[1 - small][0], 0.2);
        Assert.Equal(-3, means[1 - small][1], 0.2);
        Assert.Equal(0.3, fitted.Mixture.Weights[small], 0.03);
        // Covariances in units: x and y of the table have deviations, the mixture works in standardised units.
        var real = TwoClusters(1);
        double sx = Sd(StatTables.Column(real, "x")), sy = Sd(StatTables.Column(real, "y"));
        var c = fitted.Mixture.Covariances[small];
        Assert.Equal(1, c[0, 0] * sx * sx, 0.25);
        Assert.Equal(0.5, c[0, 1] * sx * sy, 0.2);
        Assert.Equal(2, fitted.Mixture.Covariances[1 - small][1, 1] * sy * sy, 0.4);
    }

    private static double Sd(double[] v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(a => (a - m) * (a - m)) / v.Length);
    }

    [Fact]
    public void A_category_condition_selects_its_components()
    {
        var fitted = StatTables.Fit("gmm", TwoClusters(2), new() { ["max-components"] = "4" });
        var a = fitted.Sample(500, new SampleConditions([new EqualsCondition("group", "a")]), seed: 1);
        Assert.All(FidelityChecks.Labels(a["group"]), g => Assert.Equal("a", g));
        // 95 % of "a" rows come from the cluster at x = 0, 5 % from the one at x = 6: mean ≈ 0.3.
        Assert.InRange(StatTables.Column(a, "x").Average(), -0.1, 0.8);
    }

    [Fact]
    public void An_exact_value_conditions_the_components_gaussians()
    {
        var fitted = StatTables.Fit("gmm", TwoClusters(3), new() { ["max-components"] = "4" });
        var rows = fitted.Sample(400, new SampleConditions([new EqualsCondition("x", 6.0)]), seed: 2);
        Assert.All(StatTables.Column(rows, "x"), v => Assert.Equal(6.0, v));
        // x = 6 is the second cluster's centre: y around −3, group mostly "b".
        Assert.InRange(StatTables.Column(rows, "y").Average(), -3.4, -2.6);
        Assert.True(FidelityChecks.Labels(rows["group"]).Count(g => g == "b") > 340);
    }

    [Fact]
    public void Missing_numbers_keep_their_rate_and_go_missing_together()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("gmm", real, metadata: metadata).Sample(3000, seed: 4);
        // In penguins the four measurements are missing together (2 of 344 rows).
        var beak = synthetic["Beak Length (mm)"];
        int missing = 0;
        for (long r = 0; r < synthetic.Rows.Count; r++)
        {
            if (beak[r] is not null) continue;
            missing++;
            Assert.Null(synthetic["Body Mass (g)"][r]);
            Assert.Null(synthetic["Flipper Length (mm)"][r]);
        }
        Assert.InRange(missing / 3000.0, 0.001, 0.015);
    }

    [Fact]
    public void Epochs_cap_the_EM_iterations_and_bad_options_are_refused()
    {
        var table = StatTables.Numeric(50, seed: 1);
        var one = SynthesizerRegistry.Default.Create("gmm", new SynthesizerSettings { Epochs = 1 });
        Assert.Equal(1, ((GmmSynthesizer)one).Options.MaxIterations);
        Assert.Equal("max-components", Assert.Throws<SynthOptionException>(() => StatTables.Fit("gmm", table, new() { ["max-components"] = "0" })).Option);
        Assert.Equal("reg-covar", Assert.Throws<SynthOptionException>(() => StatTables.Fit("gmm", table, new() { ["reg-covar"] = "-1" })).Option);
        Assert.Equal("device", Assert.Throws<SynthOptionException>(() =>
            SynthesizerRegistry.Default.Create("gmm", new SynthesizerSettings { Device = "cuda" })).Option);
    }
}
