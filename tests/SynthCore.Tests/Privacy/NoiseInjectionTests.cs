using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;
using SynthCore.Anonymization;
using SynthCore.Data;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Privacy;

[Collection(TorchSerialCollection.Name)]
public class NoiseInjectionTests(ITestOutputHelper output)
{
    private static DataFrame Table(int rows) => NoiseInjectionChecks.Table(rows);

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    [Fact]
    public void EmpiricalVarianceMatchesTheRequest() => AssertAll(NoiseInjectionChecks.Variance(tableSeed: 1, noiseSeed: 3));

    [Fact]
    public void RelativeStdScalesWithTheColumnAndBoundsAreRespected()
    {
        AssertAll(NoiseInjectionChecks.Clipping(tableSeed: 1, noiseSeed: 4));
        // Same seed, same noise.
        var table = Table(20_000);
        var metadata = TableMetadata.Detect(table);
        var (noisy, _) = NoiseInjection.Apply(table, metadata, new Dictionary<string, ColumnNoise> { ["x"] = new() { RelativeStd = 0.05 } }, seed: 4);
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
