using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using SynthCore.Anonymization;
using SynthCore.Data;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

/// <summary>
/// <see cref="Perturbation"/>'s noise and swaps against what was asked, with tolerances from the seed sweep over
/// seeds 1–20 (ranges in the comments, and over seeds 21–100 in brackets). A seed seeds the table and the perturbation.
/// </summary>
public static class PerturbationChecks
{
    public const int Rows = 5_000;

    /// <summary>x ~ N(100, 20²), integer n ~ U{0 … 50}, category c with frequencies 0.5 / 0.3 / 0.2, some x missing.</summary>
    public static (DataFrame Table, TableMetadata Metadata) Table(int seed)
    {
        var random = new Random(seed);
        var table = new DataFrame(
            new DoubleDataFrameColumn("x", Enumerable.Range(0, Rows).Select(i => i % 97 == 5 ? null : (double?)MathNet.Numerics.Distributions.Normal.Sample(random, 100, 20))),
            new Int32DataFrameColumn("n", Enumerable.Range(0, Rows).Select(_ => (int?)random.Next(0, 51))),
            new StringDataFrameColumn("c", Enumerable.Range(0, Rows).Select(_ => random.NextDouble() switch { < 0.5 => "a", < 0.8 => "b", _ => "c" })));
        return (table, TableMetadata.Detect(table));
    }

    private static double[] Differences(DataFrame before, DataFrame after, string column) =>
        Enumerable.Range(0, (int)before.Rows.Count).Where(r => before[column][r] is not null)
            .Select(r => Convert.ToDouble(after[column][r]) - Convert.ToDouble(before[column][r])).ToArray();

    /// <summary>Scale 0.1 and swap rate 0.2: the noise's std against 0.1 × the column's std, the share of categories changed against 0.2 × (1 − Σ q²).</summary>
    public static IReadOnlyList<StatisticalCheck> Measure(int seed, ITestOutputHelper? output = null)
    {
        var (table, metadata) = Table(seed);
        var result = Perturbation.Apply(table, metadata, new PerturbationOptions { Scale = 0.1, SwapRate = 0.2, Seed = seed });
        double xStd = table["x"].Cast<double?>().Where(v => v.HasValue).Select(v => v!.Value).StandardDeviation();
        double nStd = table["n"].Cast<int?>().Select(v => (double)v!.Value).StandardDeviation();
        var c = table["c"].Cast<string>().ToArray();
        double expectedChange = 0.2 * (1 - c.GroupBy(v => v).Sum(g => Math.Pow(g.Count() / (double)Rows, 2)));
        var changed = result.Columns.Single(s => s.Column == "c").ChangedShare;
        var after = result.Table["c"].Cast<string>().ToArray();
        double tvd = 0.5 * c.Concat(after).Distinct().Sum(v => Math.Abs(c.Count(x => x == v) - after.Count(x => x == v)) / (double)Rows);
        var checks = new List<StatisticalCheck>
        {
            // The standard error of a std from 5,000 normal draws is 1 %: the bands are about four of them.
            // seeds 1–20: 0.978 … 1.019 (21–100: 0.978 … 1.028)
            new("x noise std / (0.1 × std)", Differences(table, result.Table, "x").StandardDeviation() / (0.1 * xStd), 0.955, 1.045),
            // Rounding to whole numbers adds about 1/12 of variance to the noise's (0.1 × 14.7)²; the rounded noise is
            // not normal, so its variance estimate wanders more (standard error about 2 %). seeds 1–20: 0.971 … 1.048 (21–100: 0.944 … 1.033)
            new("n noise variance / ((0.1 × std)² + 1/12)", Differences(table, result.Table, "n").Variance() / (Math.Pow(0.1 * nStd, 2) + 1.0 / 12), 0.92, 1.08),
            // Binomial: the standard error of the share is 0.0047 around 0.124. seeds 1–20: −0.005 … 0.008 (21–100: −0.013 … 0.011)
            new("c share changed minus 0.2 × (1 − Σ q²)", changed - expectedChange, -0.02, 0.02),
            // The marginal is kept in expectation. seeds 1–20: 0.001 … 0.011 (21–100: 0.001 … 0.017)
            StatisticalCheck.AtMost("c total variation distance after swapping", tvd, 0.025),
        };
        output?.WriteLine(string.Join("\n", checks));
        return checks;
    }
}

public sealed class PerturbationTests(ITestOutputHelper output)
{
    [Fact]
    public void Noise_and_swaps_have_the_asked_size() => StatisticalCheck.AssertAll(PerturbationChecks.Measure(seed: 3, output));

    [Fact]
    public void Integers_stay_whole_missing_values_stay_missing_and_categories_are_untouched_without_a_swap_rate()
    {
        var (table, metadata) = PerturbationChecks.Table(2);
        var result = Perturbation.Apply(table, metadata, new PerturbationOptions { Scale = 0.5, Seed = 1 });
        Assert.IsType<Int32DataFrameColumn>(result.Table["n"]);
        Assert.Equal(table["c"], result.Table["c"]);
        for (int r = 0; r < PerturbationChecks.Rows; r++) Assert.Equal(table["x"][r] is null, result.Table["x"][r] is null);
        Assert.Equal(["x", "n"], result.Columns.Select(c => c.Column));
        var x = result.Columns[0];
        Assert.Equal("noise", x.Method);
        Assert.Equal(1.0, x.ChangedShare);
        Assert.Equal(0, x.ClippedRows);
        // Not clipped unless asked: at half a std of noise some values leave the observed range.
        var values = result.Table["x"].Cast<double?>().Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        var real = table["x"].Cast<double?>().Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        Assert.True(values.Min() < real.Min() || values.Max() > real.Max());
    }

    [Fact]
    public void Clip_keeps_values_in_the_observed_range_and_the_same_seed_gives_the_same_table()
    {
        var (table, metadata) = PerturbationChecks.Table(2);
        var options = new PerturbationOptions { Scale = 0.5, Clip = true, SwapRate = 0.3, Seed = 9 };
        var a = Perturbation.Apply(table, metadata, options);
        var b = Perturbation.Apply(table, metadata, options);
        var other = Perturbation.Apply(table, metadata, options with { Seed = 10 });
        foreach (var name in new[] { "x", "n", "c" })
        {
            Assert.Equal(a.Table[name], b.Table[name]);
            Assert.NotEqual(a.Table[name], other.Table[name]);
        }
        var real = table["x"].Cast<double?>().Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        Assert.All(a.Table["x"].Cast<double?>().Where(v => v.HasValue), v => Assert.InRange(v!.Value, real.Min(), real.Max()));
        Assert.True(a.Columns.Single(c => c.Column == "x").ClippedRows > 0);
        Assert.Equal("swap", a.Columns.Single(c => c.Column == "c").Method);
    }

    [Fact]
    public void Bad_settings_name_the_option_or_the_column()
    {
        var (table, metadata) = PerturbationChecks.Table(2);
        Assert.Equal("scale", Assert.Throws<SynthOptionException>(() => Perturbation.Apply(table, metadata, new PerturbationOptions { Scale = -1 })).Option);
        Assert.Equal("swap-rate", Assert.Throws<SynthOptionException>(() => Perturbation.Apply(table, metadata, new PerturbationOptions { SwapRate = 1.5 })).Option);
        Assert.Equal("c", Assert.Throws<SynthColumnException>(() => Perturbation.Apply(table, metadata, new PerturbationOptions { Columns = ["c"] })).Column);
        Assert.Equal("zz", Assert.Throws<SynthColumnException>(() => Perturbation.Apply(table, metadata, new PerturbationOptions { Columns = ["zz"] })).Column);
        // Only the named columns change.
        var only = Perturbation.Apply(table, metadata, new PerturbationOptions { Columns = ["n"] });
        Assert.Equal(table["x"], only.Table["x"]);
        Assert.Equal(["n"], only.Columns.Select(c => c.Column));
    }
}

/// <summary>The perturbation checks at seeds 1–20 (SYNTH_SEED_SWEEP=1-20).</summary>
public sealed class PerturbationSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(seed => PerturbationChecks.Measure(seed), output.WriteLine);
}
