using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Statistical.DpCopula;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class DpCopulaTests(ITestOutputHelper output)
{
    private const string Mass = DpCopulaChecks.Mass, Flipper = DpCopulaChecks.Flipper;
    private static readonly Dictionary<string, NumericBounds> PenguinBounds = DpCopulaChecks.PenguinBounds;

    private static FittedDpCopula FitPenguins(double epsilon, int seed = 7) => DpCopulaChecks.FitPenguins(epsilon, seed);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
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
    public void LargeEpsilonReproducesMarginalsAndCorrelation() => AssertAll(DpCopulaChecks.LargeEpsilon(fitSeed: 7, sampleSeed: 1));

    [Fact]
    public void TinyEpsilonIsNoisy() => AssertAll(DpCopulaChecks.TinyEpsilon([1, 2, 3], sampleSeed: 1));

    [Fact]
    public void ValuesAreClippedToTheBoundsAndIntegersRounded() => AssertAll(DpCopulaChecks.Clipping(fitSeed: 42, sampleSeed: 3));

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

    private static string Csv(DataFrame table) =>
        string.Join("\n", Enumerable.Range(0, (int)table.Rows.Count).Select(r => string.Join(",", table.Columns.Select(c => c[r]))));
}
