namespace SynthCore.Synthesizers;

/// <summary>
/// Many rows sampled a chunk at a time, each chunk only when the previous one has been consumed. Chunk
/// seeds come from <see cref="RandomStreams.ChunkSeed"/> over the given seed, or the model's own seed when
/// none is given: chunk 0 is exactly what one <c>Sample</c> call gives, and chunk i's rows do not depend on
/// how many chunks there are.
/// </summary>
public static class ChunkedSampling
{
    public static IEnumerable<DataFrame> Chunks(IFittedSynthesizer model, int rows, int chunkRows, int? seed, CancellationToken cancellation = default, SampleConditions? conditions = null)
    {
        if (chunkRows < 1) throw new SynthOptionException("chunkRows", $"must be at least 1 (got {chunkRows}).");
        int root = seed ?? model.Seed;
        for (int i = 0, done = 0; done < rows; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            int count = Math.Min(chunkRows, rows - done);
            yield return model.Sample(count, conditions, RandomStreams.ChunkSeed(root, i));
            done += count;
        }
    }
}
