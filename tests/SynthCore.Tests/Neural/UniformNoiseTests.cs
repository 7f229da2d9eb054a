using SynthCore.Native;
using SynthCore.Torch;
using TorchSharp;
using Xunit;

namespace SynthCore.Tests.Neural;

[Trait(VectorPaths.Category, VectorPaths.Name)]
public class UniformNoiseTests
{
    public UniformNoiseTests() => TorchNativeLoader.EnsureLoaded();

    private static float[] Draw(ulong seed, long count)
    {
        using var generator = new torch.Generator(seed);
        using var values = new UniformNoise(generator).Next([count], torch.CPU);
        return values.data<float>().ToArray();
    }

    [Fact]
    public void Draws_are_uniform_on_the_unit_interval()
    {
        const int N = 200_001;   // odd: the last value comes from the single-draw tail
        var values = Draw(1, N);
        Assert.All(values, v => Assert.InRange(v, 0f, 0.99999994f));
        Array.Sort(values);
        // Kolmogorov–Smirnov distance to U(0, 1); its 99.9% critical value at this n is about 0.0044.
        double ks = values.Select((v, i) => Math.Max(Math.Abs((i + 1.0) / N - v), Math.Abs((double)i / N - v))).Max();
        Assert.True(ks < 0.0044, $"KS distance {ks}");
        double mean = values.Average(), variance = values.Sum(v => (v - mean) * (v - mean)) / N;
        Assert.InRange(mean, 0.497, 0.503);
        Assert.InRange(variance, 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
    }

    [Fact]
    public void Consecutive_draws_are_uncorrelated()
    {
        var values = Draw(2, 100_000);
        double mean = values.Average();
        double lag = 0, variance = 0;
        for (int i = 0; i < values.Length - 1; i++) lag += (values[i] - mean) * (values[i + 1] - mean);
        foreach (var v in values) variance += (v - mean) * (v - mean);
        Assert.InRange(lag / variance, -0.01, 0.01);
    }

    [Fact]
    public void Same_seed_same_draws_and_another_seed_others()
    {
        Assert.Equal(Draw(3, 1000), Draw(3, 1000));
        Assert.NotEqual(Draw(3, 1000), Draw(4, 1000));
    }
}
