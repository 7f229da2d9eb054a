using Microsoft.Data.Analysis;

namespace SynthCore.Tests.Statistical;

public sealed class SmoteTests
{
    /// <summary>Index of the real segment (i, j) a point lies on, or null.</summary>
    private static (int I, int J, double Lambda)? SegmentOf(double px, double py, double[] x, double[] y, Func<int, IEnumerable<int>> candidates)
    {
        for (int i = 0; i < x.Length; i++)
            foreach (int j in candidates(i))
            {
                double dx = x[j] - x[i], dy = y[j] - y[i];
                double length = dx * dx + dy * dy;
                if (length == 0) continue;
                double lambda = ((px - x[i]) * dx + (py - y[i]) * dy) / length;
                if (lambda < -1e-9 || lambda > 1 + 1e-9) continue;
                double ex = x[i] + lambda * dx - px, ey = y[i] + lambda * dy - py;
                if (Math.Sqrt(ex * ex + ey * ey) < 1e-9 * (1 + Math.Abs(px) + Math.Abs(py))) return (i, j, lambda);
            }
        return null;
    }

    /// <summary>The k nearest rows of every row by standardised Euclidean distance, computed independently of the model.</summary>
    private static int[][] Neighbours(double[] x, double[] y, int k)
    {
        double Sd(double[] v) { double m = v.Average(); return Math.Sqrt(v.Sum(a => (a - m) * (a - m)) / v.Length); }
        double sx = Sd(x), sy = Sd(y);
        return Enumerable.Range(0, x.Length).Select(i => Enumerable.Range(0, x.Length).Where(j => j != i)
            .OrderBy(j => Math.Pow((x[i] - x[j]) / sx, 2) + Math.Pow((y[i] - y[j]) / sy, 2)).ThenBy(j => j).Take(k).ToArray()).ToArray();
    }

    [Fact]
    public void Every_sample_lies_on_a_segment_between_a_real_row_and_one_of_its_k_nearest_neighbours()
    {
        var table = StatTables.Numeric(60, seed: 1);
        double[] x = StatTables.Column(table, "x"), y = StatTables.Column(table, "y");
        var neighbours = Neighbours(x, y, 3);
        var synthetic = StatTables.Fit("smote", table, new() { ["k"] = "3" }).Sample(200, seed: 2);
        double[] sx = StatTables.Column(synthetic, "x"), sy = StatTables.Column(synthetic, "y");
        for (int r = 0; r < sx.Length; r++)
            Assert.True(SegmentOf(sx[r], sy[r], x, y, i => neighbours[i]) is not null, $"row {r} ({sx[r]}, {sy[r]}) is on no segment to a 3-nearest neighbour");
        // And not merely copies: interpolation puts points strictly inside segments.
        Assert.True(sx.Count(v => !x.Contains(v)) > 150);
    }

    [Fact]
    public void Categories_take_the_value_of_one_of_the_two_endpoints()
    {
        var numeric = StatTables.Numeric(40, seed: 3);
        var labels = Enumerable.Range(0, 40).Select(i => new[] { "red", "green", "blue" }[i % 3]).ToArray();
        var table = new DataFrame(numeric["x"], numeric["y"], new StringDataFrameColumn("colour", labels));
        var synthetic = StatTables.Fit("smote", table, new() { ["k"] = "4" }).Sample(150, seed: 4);
        double[] x = StatTables.Column(table, "x"), y = StatTables.Column(table, "y");
        double[] sx = StatTables.Column(synthetic, "x"), sy = StatTables.Column(synthetic, "y");
        var colours = FidelityChecks.Labels(synthetic["colour"]).ToArray();
        var all = Enumerable.Range(0, 40).ToArray();
        for (int r = 0; r < sx.Length; r++)
        {
            // Any real pair whose segment holds the point and one of whose ends has the sampled colour.
            bool found = false;
            for (int i = 0; i < 40 && !found; i++)
                for (int j = 0; j < 40 && !found; j++)
                    if (i != j && (labels[i] == colours[r] || labels[j] == colours[r]) && SegmentOf(sx[r], sy[r], [x[i], x[j]], [y[i], y[j]], a => a == 0 ? [1] : []) is not null)
                        found = true;
            Assert.True(found, $"row {r}: colour {colours[r]} is not an endpoint's");
        }
    }

    [Fact]
    public void A_target_column_is_balanced_and_rows_interpolate_within_their_class()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var fitted = StatTables.Fit("smote", real, new() { ["target"] = "species" }, metadata: metadata);
        var synthetic = fitted.Sample(300, seed: 1);
        var counts = FidelityChecks.Labels(synthetic["Species"]).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Adelie"] = 100, ["Chinstrap"] = 100, ["Gentoo"] = 100 }, counts);
        // Within-class interpolation keeps class traits: only Gentoo live on Biscoe with > 210 mm flippers, never on Torgersen.
        for (int r = 0; r < 300; r++)
            if ((string)synthetic["Species"][r] == "Gentoo") Assert.Equal("Biscoe", synthetic["Island"][r]);
    }

    [Fact]
    public void The_model_reports_its_k_and_the_mean_interpolation_weight_of_the_rows_sampled()
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var fitted = Assert.IsAssignableFrom<SynthCore.Synthesizers.Statistical.IInterpolatingSynthesizer>(
            StatTables.Fit("smote", real, new() { ["k"] = "3", ["target"] = "species" }, metadata: metadata));
        Assert.Equal(3, fitted.Neighbours);
        Assert.Equal("Species", fitted.Target);
        Assert.Equal(0, fitted.Weights.Rows);
        Assert.True(double.IsNaN(fitted.Weights.MeanWeight));
        fitted.Sample(1500, seed: 5);
        fitted.Sample(500, seed: 6);
        Assert.Equal(2000, fitted.Weights.Rows);
        // λ ~ U(0, 1): the mean of 2,000 has standard error √(1/12/2000) = 0.0065; four of them.
        Assert.InRange(fitted.Weights.MeanWeight, 0.474, 0.526);
        Assert.Null(Assert.IsAssignableFrom<SynthCore.Synthesizers.Statistical.IInterpolatingSynthesizer>(StatTables.Fit("smote", real, metadata: metadata)).Target);
    }

    [Fact]
    public void Fewer_rows_than_neighbours_is_a_clear_error()
    {
        var table = StatTables.Numeric(5, seed: 1);
        var error = Assert.Throws<SynthException>(() => StatTables.Fit("smote", table));
        Assert.Contains("5 rows", error.Message);
        Assert.Contains("k = 5", error.Message);
        // k = 4 works with 5 rows.
        Assert.Equal(10, StatTables.Fit("smote", table, new() { ["k"] = "4" }).Sample(10).Rows.Count);
    }

    [Fact]
    public void A_class_smaller_than_k_plus_one_is_named()
    {
        var numeric = StatTables.Numeric(30, seed: 1);
        var labels = Enumerable.Range(0, 30).Select(i => i < 3 ? "rare" : "common").ToArray();
        var table = new DataFrame(numeric["x"], numeric["y"], new StringDataFrameColumn("label", labels));
        var error = Assert.Throws<SynthException>(() => StatTables.Fit("smote", table, new() { ["target"] = "label" }));
        Assert.Contains("'rare'", error.Message);
        Assert.Contains("3 rows", error.Message);
    }

    [Fact]
    public void Bad_options_are_refused_by_name()
    {
        var table = StatTables.Numeric(20, seed: 1);
        Assert.Equal("k", Assert.Throws<SynthOptionException>(() => StatTables.Fit("smote", table, new() { ["k"] = "0" })).Option);
        Assert.Equal("k", Assert.Throws<SynthOptionException>(() => StatTables.Fit("smote", table, new() { ["k"] = "many" })).Option);
        Assert.Equal("target", Assert.Throws<SynthOptionException>(() => StatTables.Fit("smote", table, new() { ["target"] = "x" })).Option);
        Assert.Equal("species", Assert.Throws<SynthColumnException>(() => StatTables.Fit("smote", table, new() { ["target"] = "species" })).Column);
        var unknown = Assert.Throws<SynthOptionException>(() => StatTables.Fit("smote", table, new() { ["neighbours"] = "3" }));
        Assert.Contains("Allowed: k, target", unknown.Message);
    }
}
