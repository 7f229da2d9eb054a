using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Privacy;
using SynthCore.Synthesizers;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class DpCopulaTests
{
    private const string Beak = "Beak Length (mm)", Depth = "Beak Depth (mm)", Flipper = "Flipper Length (mm)", Mass = "Body Mass (g)";
    private static readonly string[] Numeric = [Beak, Depth, Flipper, Mass];

    private static readonly Dictionary<string, NumericBounds> PenguinBounds = new()
    {
        [Beak] = new(30, 60), [Depth] = new(13, 22), [Flipper] = new(170, 235), [Mass] = new(2500, 6500),
    };

    private static FittedDpCopula FitPenguins(double epsilon, int seed = 7)
    {
        var table = PrivacyTestData.Penguins();
        var options = new DpCopulaOptions { Epsilon = epsilon, Bounds = PenguinBounds, Seed = seed };
        return (FittedDpCopula)new DpCopulaSynthesizer(options).Fit(table, TableMetadata.Detect(table));
    }

    [Fact]
    public void TheLedgerAddsUpToEpsilon()
    {
        var model = FitPenguins(2.0);
        int d = 7;
        Assert.Equal(d + d * (d - 1) / 2, model.Ledger.Entries.Count);
        Assert.Equal(2.0, model.Ledger.TotalEpsilon, 10);
        Assert.Equal(0.0, model.Ledger.TotalDelta);
        Assert.Equal(1.0, model.Ledger.Entries.Where(e => e.Target.StartsWith("histogram")).Sum(e => e.Epsilon), 10);
        // Histogram noise is Laplace(2 / ε_column); tau noise Laplace((4/n) / ε_pair).
        var histogram = model.Ledger.Entries.First(e => e.Target == $"histogram of {Mass}");
        Assert.Equal(2 / (1.0 / 7), histogram.NoiseScale, 10);
        var tau = model.Ledger.Entries.First(e => e.Target.StartsWith("Kendall"));
        Assert.Equal(4.0 / 344 / (1.0 / 21), tau.NoiseScale, 10);
        Assert.True(model.IsDifferentiallyPrivate);
        Assert.Contains("ε = 2", model.PrivacyStatement);
    }

    [Fact]
    public void LargeEpsilonReproducesMarginalsAndCorrelation()
    {
        var real = PrivacyTestData.Penguins();
        var synthetic = FitPenguins(1e5).Sample(3000, seed: 1);

        foreach (string column in Numeric)
        {
            var r = Values(real, column);
            var s = Values(synthetic, column);
            Assert.True(Math.Abs(r.Mean() - s.Mean()) < 0.05 * r.StandardDeviation(), $"{column}: mean {r.Mean()} vs {s.Mean()}");
            Assert.InRange(s.StandardDeviation() / r.StandardDeviation(), 0.9, 1.1);
        }
        Assert.True(Math.Abs(Pearson(real, Flipper, Mass) - Pearson(synthetic, Flipper, Mass)) < 0.08,
            $"flipper × mass {Pearson(real, Flipper, Mass)} vs {Pearson(synthetic, Flipper, Mass)}");
        Assert.True(Math.Abs(Pearson(real, Beak, Depth) - Pearson(synthetic, Beak, Depth)) < 0.1);
        Assert.True(TotalVariation(real, synthetic, "Species") < 0.04);
        Assert.True(TotalVariation(real, synthetic, "Sex") < 0.04);
    }

    [Fact]
    public void TinyEpsilonIsNoisy()
    {
        var real = PrivacyTestData.Penguins();
        double error = 0, baseline = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var noisy = FitPenguins(0.01, seed).Sample(3000, seed: 1);
            var precise = FitPenguins(1e5, seed).Sample(3000, seed: 1);
            error += CorrelationError(real, noisy) + TotalVariation(real, noisy, "Species");
            baseline += CorrelationError(real, precise) + TotalVariation(real, precise, "Species");
        }
        Assert.True(error > 5 * baseline && error / 3 > 0.25, $"noisy error {error / 3}, precise {baseline / 3}");
    }

    [Fact]
    public void ValuesAreClippedToTheBoundsAndIntegersRounded()
    {
        var table = PrivacyTestData.Screentime();
        var options = new DpCopulaOptions
        {
            Epsilon = 1e4,
            Bounds = new Dictionary<string, NumericBounds>
            {
                ["Usage (minutes)"] = new(20, 100), ["Notifications"] = new(0, 150), ["Times Opened"] = new(0.5, 150.5),
                ["Date"] = new(new DateTime(2024, 8, 1).Ticks, new DateTime(2024, 8, 31).Ticks),
            },
        };
        var metadata = TableMetadata.Detect(table);
        var synthetic = new DpCopulaSynthesizer(options).Fit(table, metadata).Sample(2000, seed: 3);

        var usage = Values(synthetic, "Usage (minutes)");
        Assert.All(usage, u => Assert.InRange(u, 20, 100));
        Assert.All(usage, u => Assert.Equal(Math.Round(u), u));
        Assert.All(Values(synthetic, "Times Opened"), u => Assert.InRange(u, 1, 150));
        // About a fifth of real usages are above 100 and a few below 20: clipping piles them at the bounds.
        double realAbove = Values(table, "Usage (minutes)").Count(u => u >= 100) / 200.0;
        Assert.InRange(usage.Count(u => u >= 96) / 2000.0, realAbove - 0.06, realAbove + 0.06);
        Assert.IsType<DateTimeDataFrameColumn>(synthetic["Date"]);
        Assert.All(((DateTimeDataFrameColumn)synthetic["Date"]).Select(d => d!.Value), d => Assert.InRange(d, new DateTime(2024, 8, 1), new DateTime(2024, 8, 31)));
    }

    [Fact]
    public void SameSeedSameRowsAndSaveLoadKeepsTheModel()
    {
        var a = FitPenguins(1.0, seed: 5);
        var b = FitPenguins(1.0, seed: 5);
        Assert.Equal(Csv(a.Sample(50)), Csv(b.Sample(50)));
        Assert.NotEqual(Csv(a.Sample(50, seed: 1)), Csv(a.Sample(50, seed: 2)));

        using var file = new MemoryStream();
        a.Save(file);
        file.Position = 0;
        var loaded = (FittedDpCopula)SynthesizerRegistry.Default.Load(file);
        Assert.Equal(Csv(a.Sample(80, seed: 9)), Csv(loaded.Sample(80, seed: 9)));
        Assert.Equal(a.Ledger.TotalEpsilon, loaded.Ledger.TotalEpsilon);
        Assert.Equal(a.Correlation, loaded.Correlation);
    }

    [Fact]
    public void ConditionsAreMetByRejection()
    {
        var model = FitPenguins(5);
        var rows = model.Sample(40, new SampleConditions([new EqualsCondition("Species", "Gentoo")]), seed: 2);
        Assert.Equal(40, rows.Rows.Count);
        Assert.All(((StringDataFrameColumn)rows["Species"]).ToArray(), s => Assert.Equal("Gentoo", s));
    }

    [Fact]
    public void MissingBoundsAreRefusedAndDataBoundsAreFlagged()
    {
        var table = PrivacyTestData.Penguins();
        var metadata = TableMetadata.Detect(table);
        var partial = new Dictionary<string, NumericBounds>(PenguinBounds);
        partial.Remove(Mass);
        var refused = Assert.Throws<SynthOptionException>(() => new DpCopulaSynthesizer(new DpCopulaOptions { Bounds = partial }).Fit(table, metadata));
        Assert.Contains(Mass, refused.Message);
        Assert.Contains("bounds-from-data", refused.Message);

        var leaky = (FittedDpCopula)new DpCopulaSynthesizer(new DpCopulaOptions { Bounds = partial, BoundsFromData = true }).Fit(table, metadata);
        Assert.False(leaky.IsDifferentiallyPrivate);
        Assert.StartsWith("NOT DIFFERENTIALLY PRIVATE", leaky.PrivacyStatement);
        Assert.Contains(Mass, leaky.PrivacyStatement);
        Assert.DoesNotContain(Flipper, leaky.PrivacyStatement);

        var categorical = Assert.Throws<SynthOptionException>(() => new DpCopulaSynthesizer(
            new DpCopulaOptions { Bounds = new Dictionary<string, NumericBounds>(PenguinBounds) { ["Species"] = new(0, 1) } }).Fit(table, metadata));
        Assert.Contains("Species", categorical.Message);
    }

    [Fact]
    public void TheRegistryParsesTheCommandLineOptions()
    {
        var settings = new SynthesizerSettings
        {
            Seed = 3,
            Extra = new Dictionary<string, string>
            {
                ["epsilon"] = "0.5", ["bins"] = "8",
                ["bounds"] = "Usage (minutes):0:200; Notifications:0:1e3;Date:2024-08-01:2024-09-01",
            },
        };
        var model = (DpCopulaSynthesizer)SynthesizerRegistry.Default.Create("dp-copula", settings);
        Assert.Equal(0.5, model.Options.Epsilon);
        Assert.Equal(8, model.Options.Bins);
        Assert.Equal(new NumericBounds(0, 200), model.Options.Bounds["Usage (minutes)"]);
        Assert.Equal(new NumericBounds(0, 1000), model.Options.Bounds["Notifications"]);
        Assert.Equal(new DateTime(2024, 9, 1).Ticks, model.Options.Bounds["Date"].Upper);

        Assert.Equal("bounds", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("dp-copula",
            settings with { Extra = new Dictionary<string, string> { ["bounds"] = "Usage:10" } })).Option);
        Assert.Equal("epsilon", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("dp-copula",
            settings with { Extra = new Dictionary<string, string> { ["epsilon"] = "0" } })).Option);
        Assert.Equal("--epochs", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("dp-copula", settings with { Epochs = 3 })).Option);
    }

    [Fact]
    public void KendallTauMatchesTheQuadraticDefinition()
    {
        var random = new Random(4);
        int n = 300;
        var x = Enumerable.Range(0, n).Select(_ => (double)random.Next(20)).ToArray();
        var y = x.Select(v => v + random.Next(10)).ToArray();
        var kx = x.Select(_ => random.NextDouble()).ToArray();
        var ky = x.Select(_ => random.NextDouble()).ToArray();
        double votes = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                int sx = x[i] != x[j] ? Math.Sign(x[i] - x[j]) : Math.Sign(kx[i] - kx[j]);
                int sy = y[i] != y[j] ? Math.Sign(y[i] - y[j]) : Math.Sign(ky[i] - ky[j]);
                votes += sx * sy;
            }
        Assert.Equal(votes / (n * (n - 1) / 2.0), KendallTau.Compute(x, kx, y, ky), 12);
    }

    [Fact]
    public void RepairGivesAPositiveDefiniteUnitDiagonalMatrix()
    {
        var noisy = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.9, -0.9 }, { 0.9, 1, 0.9 }, { -0.9, 0.9, 1 } });
        var repaired = CorrelationRepair.Repair(noisy);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1.0, repaired[i, i], 12));
        Assert.True(repaired.Evd().EigenValues.All(l => l.Real > 0));
        Assert.Equal(repaired, repaired.Transpose());
    }

    private static double[] Values(DataFrame table, string column) =>
        Enumerable.Range(0, (int)table.Rows.Count).Select(r => table[column][r]).Where(v => v is not null).Select(Convert.ToDouble).ToArray();

    private static double Pearson(DataFrame table, string a, string b)
    {
        var pairs = Enumerable.Range(0, (int)table.Rows.Count).Where(r => table[a][r] is not null && table[b][r] is not null).ToArray();
        return Correlation.Pearson(pairs.Select(r => Convert.ToDouble(table[a][r])), pairs.Select(r => Convert.ToDouble(table[b][r])));
    }

    private static double CorrelationError(DataFrame real, DataFrame synthetic)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < Numeric.Length; i++)
            for (int j = i + 1; j < Numeric.Length; j++, count++)
                sum += Math.Abs(Pearson(real, Numeric[i], Numeric[j]) - Pearson(synthetic, Numeric[i], Numeric[j]));
        return sum / count;
    }

    private static double TotalVariation(DataFrame real, DataFrame synthetic, string column)
    {
        Dictionary<string, double> Shares(DataFrame t) => Enumerable.Range(0, (int)t.Rows.Count).Select(r => t[column][r]?.ToString() ?? "")
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count() / (double)t.Rows.Count);
        var p = Shares(real);
        var q = Shares(synthetic);
        return p.Keys.Union(q.Keys).Sum(k => Math.Abs(p.GetValueOrDefault(k) - q.GetValueOrDefault(k))) / 2;
    }

    private static string Csv(DataFrame table) =>
        string.Join("\n", Enumerable.Range(0, (int)table.Rows.Count).Select(r => string.Join(",", table.Columns.Select(c => c[r]))));
}
