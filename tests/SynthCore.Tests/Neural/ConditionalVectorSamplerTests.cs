using SynthCore.Native;
using SynthCore.Synthesizers.Neural.Ctgan;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SynthCore.Tests.Neural;

public class ConditionalVectorSamplerTests
{
    // Two categorical columns: 3 categories (skewed) and 2 categories; 100 rows.
    private static readonly int[][] Counts = [[70, 25, 5], [40, 60]];
    private static readonly int[][] CategoryOfRow =
    [
        Enumerable.Range(0, 100).Select(r => r < 70 ? 0 : r < 95 ? 1 : 2).ToArray(),
        Enumerable.Range(0, 100).Select(r => r % 5 < 2 ? 0 : 1).ToArray(),
    ];

    public ConditionalVectorSamplerTests() => TorchNativeLoader.EnsureLoaded();

    private static ConditionalVectorSampler Sampler(int seed)
    {
        using var random = new torch.Generator((ulong)seed);
        return new ConditionalVectorSampler(Counts, CategoryOfRow, random, torch.CPU);
    }

    private static double[] Frequencies(Tensor index, int width)
    {
        var values = index.data<long>().ToArray();
        return Enumerable.Range(0, width).Select(k => values.Count(v => v == k) / (double)values.Length).ToArray();
    }

    [Fact]
    public void Training_conditions_pick_a_uniform_column_then_a_category_by_log_frequency()
    {
        var sampler = Sampler(1);
        const int n = 40_000;
        using var scope = torch.NewDisposeScope();
        var (condition, index) = sampler.SampleForTraining(n);
        Assert.Equal([n, 5L], condition.shape);
        Assert.True(condition.sum(1).eq(1).all().item<bool>());
        Assert.True(condition.argmax(1).eq(index).all().item<bool>());

        var observed = Frequencies(index, 5);
        double[] logs = [Math.Log(71), Math.Log(26), Math.Log(6)];
        var expected = logs.Select(l => 0.5 * l / logs.Sum()).Concat([0.5 * Math.Log(41) / (Math.Log(41) + Math.Log(61)), 0.5 * Math.Log(61) / (Math.Log(41) + Math.Log(61))]).ToArray();
        for (int k = 0; k < 5; k++) Assert.InRange(observed[k], expected[k] - 0.01, expected[k] + 0.01);
    }

    [Fact]
    public void Original_conditions_follow_the_real_frequencies()
    {
        var sampler = Sampler(2);
        using var scope = torch.NewDisposeScope();
        var observed = Frequencies(sampler.SampleOriginal(40_000).Index, 5);
        double[] expected = [0.35, 0.125, 0.025, 0.2, 0.3];
        for (int k = 0; k < 5; k++) Assert.InRange(observed[k], expected[k] - 0.01, expected[k] + 0.01);
    }

    [Fact]
    public void Critic_rows_meet_the_shuffled_conditions_and_cover_every_matching_row()
    {
        var sampler = Sampler(3);
        using var scope = torch.NewDisposeScope();
        var seen = new HashSet<long>();
        for (int round = 0; round < 40; round++)
        {
            var (condition, shuffled, rows) = sampler.SampleForCritic(500);
            // The shuffle carries the same conditions, in another order.
            Assert.True(condition.sum(dim: 0).eq(shuffled.sum(dim: 0)).all().item<bool>());
            Assert.False(condition.equal(shuffled).all().item<bool>());
            var wanted = shuffled.argmax(1).data<long>().ToArray();
            var picked = rows.data<long>().ToArray();
            for (int i = 0; i < picked.Length; i++)
            {
                long k = wanted[i];
                int column = k < 3 ? 0 : 1, category = (int)(k < 3 ? k : k - 3);
                Assert.Equal(category, CategoryOfRow[column][picked[i]]);
                if (k == 2) seen.Add(picked[i]);
            }
        }
        // The rarest category's five rows (95–99) are all drawn, not just one of them.
        Assert.Equal([95L, 96, 97, 98, 99], seen.Order());
    }

    [Fact]
    public void Same_seed_same_draws()
    {
        using var scope = torch.NewDisposeScope();
        var a = Sampler(9).SampleForCritic(64);
        var b = Sampler(9).SampleForCritic(64);
        var c = Sampler(10).SampleForCritic(64);
        Assert.True(a.RealRows.equal(b.RealRows).all().item<bool>());
        Assert.True(a.ShuffledCondition.equal(b.ShuffledCondition).all().item<bool>());
        Assert.False(a.RealRows.equal(c.RealRows).all().item<bool>());
    }
}
