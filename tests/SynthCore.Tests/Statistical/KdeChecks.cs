using Microsoft.Data.Analysis;
using SynthCore.Synthesizers;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

/// <summary>
/// What the KDE must do, with the tolerances its seed sweep calibrated (the range each took over
/// seeds 1–10 is in the comments, then over seeds 1–100; rerun with <see cref="SeedSweep"/>'s command
/// after changing the KDE). A seed here seeds the generated table, the fit and the sample.
/// </summary>
public static class KdeChecks
{
    /// <summary>Mean standardised distance from each sample to its nearest real row.</summary>
    private static double NearestDistance(string bandwidth, int dataSeed, int fitSeed, int sampleSeed)
    {
        var table = StatTables.Numeric(200, seed: dataSeed);
        double[] x = StatTables.Column(table, "x"), y = StatTables.Column(table, "y");
        var synthetic = StatTables.Fit("kde", table, new() { ["bandwidth"] = bandwidth }, fitSeed).Sample(300, seed: sampleSeed);
        double[] sx = StatTables.Column(synthetic, "x"), sy = StatTables.Column(synthetic, "y");
        return Enumerable.Range(0, sx.Length).Average(r => Enumerable.Range(0, x.Length).Min(i => Math.Sqrt(Math.Pow((sx[r] - x[i]) / 2, 2) + Math.Pow((sy[r] - y[i]) / 2.2, 2))));
    }

    /// <summary>A narrow bandwidth keeps samples next to real rows; Scott's strays further, a wide one further still.</summary>
    public static IReadOnlyList<StatisticalCheck> Bandwidths(int dataSeed, int fitSeed, int sampleSeed, ITestOutputHelper? output = null)
    {
        double narrow = NearestDistance("0.02", dataSeed, fitSeed, sampleSeed), scott = NearestDistance("scott", dataSeed, fitSeed, sampleSeed), wide = NearestDistance("1", dataSeed, fitSeed, sampleSeed);
        output?.WriteLine($"nearest distance: narrow {narrow:F4}, scott {scott:F4}, wide {wide:F4}");
        return
        [
            // seeds 1–10: 0.021 … 0.024 (1–100: 0.019 … 0.027)
            StatisticalCheck.AtMost("bandwidth 0.02: nearest distance", narrow, 0.03),
            // seeds 1–10: 4.54 … 5.25 (1–100: 4.26 … 5.84)
            StatisticalCheck.AtLeast("Scott's / bandwidth 0.02 nearest distance", scott / narrow, 3),
            // seeds 1–10: 1.32 … 1.68 (1–100: 1.27 … 1.69)
            StatisticalCheck.AtLeast("bandwidth 1 / Scott's nearest distance", wide / scott, 1),
        ];
    }

    /// <summary>
    /// y = x + noise: correlation 2/√5 ≈ 0.894. A product kernel with Scott's factor (0.41 here) would
    /// shrink it towards 0.75; the KDE's full-covariance kernel keeps it.
    /// </summary>
    public static IReadOnlyList<StatisticalCheck> Correlation(int dataSeed, int fitSeed, int sampleSeed)
    {
        var table = StatTables.Numeric(400, seed: dataSeed);
        var synthetic = StatTables.Fit("kde", table, seed: fitSeed).Sample(4000, seed: sampleSeed);
        double real = MathNet.Numerics.Statistics.Correlation.Pearson(StatTables.Column(table, "x"), StatTables.Column(table, "y"));
        double synth = MathNet.Numerics.Statistics.Correlation.Pearson(StatTables.Column(synthetic, "x"), StatTables.Column(synthetic, "y"));
        // seeds 1–10: −0.004 … 0.005 (1–100: −0.009 … 0.006)
        return [new StatisticalCheck("x/y correlation minus real", synth - real, -0.03, 0.03)];
    }

    /// <summary>Flippers of 225 mm are Gentoo's (all real penguins with flippers over 210 mm are Gentoo), and heavy.</summary>
    public static IReadOnlyList<StatisticalCheck> ExactNumericValue(int fitSeed, int sampleSeed)
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var rows = StatTables.Fit("kde", real, seed: fitSeed, metadata: metadata).Sample(300, new SampleConditions([new EqualsCondition("Flipper Length (mm)", 225.0)]), seed: sampleSeed);
        Assert.All(StatTables.Column(rows, "Flipper Length (mm)"), x => Assert.Equal(225, x));
        return
        [
            // seeds 1–10: 0.997 … 1.000 (1–100: the same)
            StatisticalCheck.AtLeast("Gentoo share | flipper 225", FidelityChecks.Labels(rows["Species"]).Count(s => s == "Gentoo") / 300.0, 280 / 300.0),
            // seeds 1–10: 5455 … 5528 (1–100: 5434 … 5533)
            StatisticalCheck.AtLeast("body mass | flipper 225", StatTables.Column(rows, "Body Mass (g)").Average(), 5000),
        ];
    }

    /// <summary>Category combinations come from the real rows; their joint frequencies are close for 3,000 draws from 344 rows.</summary>
    public static IReadOnlyList<StatisticalCheck> CategoryCombinations(int fitSeed, int sampleSeed)
    {
        var (real, metadata) = BundledData.Load("penguins.csv");
        var synthetic = StatTables.Fit("kde", real, seed: fitSeed, metadata: metadata).Sample(3000, seed: sampleSeed);
        static string[] Combos(DataFrame t) => Enumerable.Range(0, (int)t.Rows.Count)
            .Select(r => $"{t["Species"][r]}|{t["Island"][r]}|{t["Sex"][r]}").ToArray();
        var realCombos = Combos(real);
        var synthCombos = Combos(synthetic);
        Assert.All(synthCombos, c => Assert.Contains(c, realCombos));
        double tv = realCombos.Concat(synthCombos).Distinct().Sum(c =>
            Math.Abs(realCombos.Count(x => x == c) / 344.0 - synthCombos.Count(x => x == c) / 3000.0)) / 2;
        // seeds 1–10: 0.017 … 0.038 (1–100: 0.013 … 0.038)
        return [StatisticalCheck.AtMost("species/island/sex joint TV", tv, 0.06)];
    }

    public static IReadOnlyList<StatisticalCheck> All(int seed)
    {
        static IEnumerable<StatisticalCheck> Named(string part, IEnumerable<StatisticalCheck> checks) => checks.Select(c => c with { Name = $"{part}: {c.Name}" });
        return
        [
            .. Named("bandwidth", Bandwidths(seed, seed, 100 + seed)),
            .. Named("correlation", Correlation(seed, seed, 100 + seed)),
            .. Named("exact value", ExactNumericValue(seed, 100 + seed)),
            .. Named("categories", CategoryCombinations(seed, 100 + seed)),
        ];
    }
}

/// <summary>The KDE's checks at seeds 1–10 (generated table, fit and sample seeds).</summary>
public sealed class KdeSweep(ITestOutputHelper output)
{
    [SeedSweepFact]
    public void Every_check_holds_at_every_seed() => SeedSweep.Run(KdeChecks.All, output.WriteLine);
}
