using SynthCore.Synthesizers;

namespace SynthCore.Tests.Synthesizers;

/// <summary>
/// The shard plan of <see cref="ShardedSampling"/>: which blocks and rows each of K shards takes, in closed form, for
/// row counts up to <see cref="ShardedSampling.MaxRows"/> (no rows are sampled here).
/// </summary>
public sealed class ShardPlanTests
{
    /// <summary>Shard i's rows block by block, as the sampling loop walks them: the reference for the closed form.</summary>
    private static (long Blocks, long Rows) Walk(long rows, int shard, int shards)
    {
        long blocks = 0, total = 0;
        for (long b = shard; b < ShardedSampling.BlockCount(rows); b += shards)
        {
            blocks++;
            total += Math.Min(ShardedSampling.BlockRows, rows - b * ShardedSampling.BlockRows);
        }
        return (blocks, total);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(9_999L)]
    [InlineData(10_000L)]
    [InlineData(10_001L)]
    [InlineData(45_000L)]
    [InlineData(123_457L)]
    [InlineData(1_000_000L)]
    public void Each_shards_blocks_and_rows_are_those_the_sampling_walks_and_they_add_up_to_the_run(long rows)
    {
        foreach (int shards in new[] { 1, 2, 3, 7, 8, 13, 200 })
        {
            long blocks = 0, total = 0;
            for (int shard = 0; shard < shards; shard++)
            {
                Assert.Equal(Walk(rows, shard, shards), (ShardedSampling.BlocksOf(rows, shard, shards), ShardedSampling.RowsOf(rows, shard, shards)));
                blocks += ShardedSampling.BlocksOf(rows, shard, shards);
                total += ShardedSampling.RowsOf(rows, shard, shards);
            }
            Assert.Equal(ShardedSampling.BlockCount(rows), blocks);
            Assert.Equal(rows, total);
        }
    }

    [Fact]
    public void Runs_beyond_2_31_rows_are_planned_in_long_counts()
    {
        const long rows = 3_000_000_005; // 300,001 blocks, the last of 5 rows
        Assert.Equal(300_001, ShardedSampling.BlockCount(rows));
        Assert.Equal(rows, ShardedSampling.RowsOf(rows, 0, 1));
        Assert.Equal(300_001, ShardedSampling.BlocksOf(rows, 0, 1));
        // 8 shards: blocks 0..300,000 round robin; shard 0 takes block 300,000, the short one.
        Assert.Equal(37_501, ShardedSampling.BlocksOf(rows, 0, 8));
        Assert.Equal(37_500L * 10_000 + 5, ShardedSampling.RowsOf(rows, 0, 8));
        Assert.Equal(37_500, ShardedSampling.BlocksOf(rows, 7, 8));
        Assert.Equal(rows, Enumerable.Range(0, 8).Sum(i => ShardedSampling.RowsOf(rows, i, 8)));

        // The largest run: int.MaxValue blocks, whose last index still seeds a stream.
        Assert.Equal(int.MaxValue, ShardedSampling.BlockCount(ShardedSampling.MaxRows));
        Assert.Equal(ShardedSampling.MaxRows, Enumerable.Range(0, 1000).Sum(i => ShardedSampling.RowsOf(ShardedSampling.MaxRows, i, 1000)));
        Assert.Equal(0, ShardedSampling.BlocksOf(10_000, 1, 2)); // one block, shard 1 has none
        Assert.Equal(0, ShardedSampling.RowsOf(10_000, 1, 2));
    }
}
