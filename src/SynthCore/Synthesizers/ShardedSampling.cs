namespace SynthCore.Synthesizers;

/// <summary>
/// Rows sampled in fixed blocks of <see cref="BlockRows"/> that any number of processes can share out: block b holds
/// rows b·<see cref="BlockRows"/> onward and is drawn with the seed <see cref="RandomStreams.ChunkSeed"/>(seed, b), which
/// depends on the seed and b only. Shard i of K takes the blocks b with b mod K = i (round robin, so every shard gets
/// nearly the same number of rows), so the K shards together hold the same rows for any K.
/// </summary>
public static class ShardedSampling
{
    /// <summary>Rows of one block (the last block of a run may have fewer); also what one shard holds in memory at a time.</summary>
    public const int BlockRows = 10_000;

    /// <summary>
    /// The most rows a run may have: a block's index seeds its stream as an int (<see cref="RandomStreams.ChunkSeed"/>),
    /// so there are at most 2³¹ − 1 blocks, about 21 trillion rows. Row counts are longs: one shard may hold more than 2³¹.
    /// </summary>
    public const long MaxRows = (long)int.MaxValue * BlockRows;

    /// <summary>How many blocks <paramref name="rows"/> rows make.</summary>
    public static long BlockCount(long rows) => (rows + BlockRows - 1) / BlockRows;

    /// <summary>How many of the blocks of <paramref name="rows"/> rows shard <paramref name="shard"/> of <paramref name="shards"/> takes (b = shard, shard + K, …).</summary>
    public static long BlocksOf(long rows, int shard, int shards)
    {
        long blocks = BlockCount(rows);
        return blocks > shard ? (blocks - shard + shards - 1) / shards : 0;
    }

    /// <summary>The rows shard <paramref name="shard"/> of <paramref name="shards"/> holds out of <paramref name="rows"/>: full blocks, but the run's last block may be short.</summary>
    public static long RowsOf(long rows, int shard, int shards)
    {
        long mine = BlocksOf(rows, shard, shards);
        if (mine == 0) return 0;
        long last = shard + (mine - 1) * shards;
        return (mine - 1) * BlockRows + Math.Min(BlockRows, rows - last * BlockRows);
    }

    /// <summary>The blocks of shard <paramref name="shard"/> of <paramref name="shards"/>, in block order, each sampled only when the previous one was consumed.</summary>
    public static IEnumerable<DataFrame> Blocks(IFittedSynthesizer model, long rows, int shard, int shards, int? seed,
        CancellationToken cancellation = default, SampleConditions? conditions = null)
    {
        if (shards < 1) throw new SynthOptionException(nameof(shards), $"the number of shards must be at least 1 (got {shards}).");
        if (shard < 0 || shard >= shards) throw new SynthOptionException(nameof(shard), $"shard {shard} does not exist; shards of {shards} are numbered 0 to {shards - 1}.");
        if (rows < 0 || rows > MaxRows) throw new SynthOptionException(nameof(rows), $"must be 0 to {MaxRows:N0} (got {rows:N0}).");
        int root = seed ?? model.Seed;
        for (long b = shard; b < BlockCount(rows); b += shards)
        {
            cancellation.ThrowIfCancellationRequested();
            int count = (int)Math.Min(BlockRows, rows - b * BlockRows);
            yield return model.Sample(count, conditions, RandomStreams.ChunkSeed(root, checked((int)b)));
        }
    }
}
