using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Native;
using SynthCore.Synthesizers;

namespace SynthCore.Tests;

public class RandomStreamsTests
{
    [Fact]
    public void The_same_seed_and_name_give_the_same_stream()
    {
        var a = new RandomStreams(42).Stream("sample");
        var b = new RandomStreams(42).Stream("sample");
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.Next()), Enumerable.Range(0, 20).Select(_ => b.Next()));
        Assert.Equal(new RandomStreams(42).Child("x").Seed("y", 3), new RandomStreams(42).Child("x").Seed("y", 3));
    }

    [Fact]
    public void Different_names_seeds_and_parents_give_different_streams()
    {
        var streams = new RandomStreams(42);
        var names = new[] { "sample", "fit", "batches", "training", "a", "b", "" };
        var seeds = names.Select(n => streams.Seed(n))
            .Concat(names.Select(n => new RandomStreams(43).Seed(n)))
            .Concat(names.Select(n => streams.Child("child").Seed(n)))
            .Concat(Enumerable.Range(0, 10).Select(i => streams.Seed("fold", i)))
            .Concat(Enumerable.Range(0, 10).Select(i => new RandomStreams(i).Seed("sample")))
            .ToArray();
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.InRange(s, 0, int.MaxValue));

        var x = streams.Stream("sample");
        var y = streams.Stream("fit");
        Assert.NotEqual(Enumerable.Range(0, 5).Select(_ => x.Next()), Enumerable.Range(0, 5).Select(_ => y.Next()));
    }

    /// <summary>Pinned so that any change to the mix, the name hash or the chunk rule is seen (it changes every model's rows).</summary>
    [Fact]
    public void Known_values_are_pinned()
    {
        Assert.Equal(1212078189, new RandomStreams(42).Seed("sample"));
        Assert.Equal(394306607, new RandomStreams(0).Seed("training"));
        Assert.Equal(2112219953, new RandomStreams(-1).Child("read").Seed("age"));
        Assert.Equal(760180826, new RandomStreams(7).Seed("fold", 2));
        Assert.Equal(1150037882, RandomStreams.ChunkSeed(42, 1));
        Assert.Equal(937083474, new RandomStreams(42).Stream("sample").Next());
    }

    [Fact]
    public void A_torch_generator_is_seeded_with_the_whole_64_bit_child_seed()
    {
        TorchNativeLoader.EnsureLoaded();
        using var a = new RandomStreams(42).Torch("sample");
        using var b = new RandomStreams(42).Torch("sample");
        Assert.Equal(10411672365658833399UL, (ulong)a.initial_seed());
        Assert.Equal(a.initial_seed(), b.initial_seed());
        Assert.Equal((ulong)new RandomStreams(42).Seed("sample"), (ulong)a.initial_seed() >> 33);
    }

    [Fact]
    public void Chunk_seeds_depend_on_the_index_only_and_chunk_0_is_the_seed()
    {
        Assert.Equal(42, RandomStreams.ChunkSeed(42, 0));
        var chunks = Enumerable.Range(1, 50).Select(i => RandomStreams.ChunkSeed(42, i)).ToArray();
        Assert.Equal(chunks.Length, chunks.Distinct().Count());
        Assert.DoesNotContain(42, chunks);
        Assert.Equal(new RandomStreams(42).Chunk(3).Seed("seed"), RandomStreams.ChunkSeed(42, 3));
        Assert.NotEqual(new RandomStreams(42).Chunk(3).Seed("seed"), new RandomStreams(42).Chunk(4).Seed("seed"));
    }

    [Fact]
    public void Chunked_sampling_seeds_do_not_depend_on_the_chunk_count_and_default_to_the_models_seed()
    {
        var model = new SeedRecorder(seed: 9);
        _ = ChunkedSampling.Chunks(model, rows: 25, chunkRows: 10, seed: 5).ToList();
        var three = model.Seeds.ToList();
        model.Seeds.Clear();
        _ = ChunkedSampling.Chunks(model, rows: 60, chunkRows: 10, seed: 5).ToList();
        Assert.Equal(3, three.Count);
        Assert.Equal(6, model.Seeds.Count);
        Assert.Equal(three, model.Seeds.Take(3));
        Assert.Equal(5, three[0]);

        model.Seeds.Clear();
        _ = ChunkedSampling.Chunks(model, rows: 30, chunkRows: 10, seed: null).ToList();
        var byDefault = model.Seeds.ToList();
        model.Seeds.Clear();
        _ = ChunkedSampling.Chunks(model, rows: 30, chunkRows: 10, seed: 9).ToList();
        Assert.Equal(model.Seeds, byDefault);
        Assert.Equal(9, byDefault[0]);
    }

    private sealed class SeedRecorder(int seed) : IFittedSynthesizer
    {
        public List<int?> Seeds { get; } = [];
        public string ModelName => "recorder";
        public int Seed => seed;
        public TableMetadata Metadata => throw new NotSupportedException();

        public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
        {
            Seeds.Add(seed);
            return new DataFrame(new Int32DataFrameColumn("x", rows));
        }

        public void Save(Stream stream) => throw new NotSupportedException();
    }
}
