using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Privacy;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class NoiseInjectionTests
{
    private static DataFrame Table(int rows)
    {
        var random = new Random(1);
        return new DataFrame(
            new DoubleDataFrameColumn("x", Enumerable.Range(0, rows).Select(_ => (double?)(random.NextDouble() * 1000))),
            new DoubleDataFrameColumn("n", Enumerable.Range(0, rows).Select(_ => (double?)random.Next(0, 500))),
            new StringDataFrameColumn("c", Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "a" : "b")));
    }

    private static double[] Differences(DataFrame before, DataFrame after, string column) =>
        Enumerable.Range(0, (int)before.Rows.Count).Select(r => (double)after[column][r]! - (double)before[column][r]!).ToArray();

    [Fact]
    public void EmpiricalVarianceMatchesTheRequest()
    {
        var table = Table(20_000);
        var metadata = TableMetadata.Detect(table);
        var wide = new NumericBounds(-1e9, 1e9);
        var (noisy, applied) = NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise>
        {
            ["x"] = new() { Variance = 25, Bounds = wide },
            ["n"] = new() { Variance = 4, Bounds = wide },
        }, seed: 3);

        // Standard error of a variance estimate from 20,000 normal draws is about 1%: 4% is a safe band.
        Assert.InRange(Differences(table, noisy, "x").Variance(), 25 * 0.96, 25 * 1.04);
        Assert.InRange(Differences(table, noisy, "x").Mean(), -0.1, 0.1);
        // Rounding an integer column adds about 1/12 of variance.
        Assert.InRange(Differences(table, noisy, "n").Variance(), (4 + 1.0 / 12) * 0.96, (4 + 1.0 / 12) * 1.04);
        Assert.True(((DoubleDataFrameColumn)noisy["n"]).All(v => v == Math.Round(v!.Value)), "integers stay whole");
        Assert.Equal(table["c"], noisy["c"]);
        Assert.Equal(5, applied.Single(a => a.Column == "x").Std, 12);
    }

    [Fact]
    public void RelativeStdScalesWithTheColumnAndBoundsAreRespected()
    {
        var table = Table(20_000);
        var metadata = TableMetadata.Detect(table);
        var (noisy, applied) = NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["x"] = new() { RelativeStd = 0.05 } }, seed: 4);

        double sd = ((DoubleDataFrameColumn)table["x"]).Select(v => v!.Value).StandardDeviation();
        Assert.Equal(0.05 * sd, applied[0].Std, 9);
        var values = ((DoubleDataFrameColumn)noisy["x"]).Select(v => v!.Value).ToArray();
        var observed = ((DoubleDataFrameColumn)table["x"]).Select(v => v!.Value).ToArray();
        Assert.True(values.Min() >= observed.Min() && values.Max() <= observed.Max());
        // Rows within a few σ of the edges get clipped: about half of those within one σ of either edge, and then some.
        Assert.InRange(applied[0].ClippedRows, 100, 1500);
        // Same seed, same noise.
        var (again, _) = NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["x"] = new() { RelativeStd = 0.05 } }, seed: 4);
        Assert.Equal(noisy["x"], again["x"]);
    }

    [Fact]
    public void BadSpecificationsAreNamed()
    {
        var table = Table(10);
        var metadata = TableMetadata.Detect(table);
        Assert.Equal("c", Assert.Throws<SynthColumnException>(() => NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["c"] = new() { Variance = 1 } }, 1)).Column);
        Assert.Equal("x", Assert.Throws<SynthColumnException>(() => NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["x"] = new() }, 1)).Column);
        Assert.Equal("x", Assert.Throws<SynthColumnException>(() => NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["x"] = new() { Variance = -1 } }, 1)).Column);
        Assert.Equal("y", Assert.Throws<SynthColumnException>(() => NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["y"] = new() { Variance = 1 } }, 1)).Column);
    }
}
