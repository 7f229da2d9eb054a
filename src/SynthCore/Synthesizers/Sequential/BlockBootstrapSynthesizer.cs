using SynthCore.Data.Sequences;
using SynthCore.Persistence;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>Options of the moving-block bootstrap baseline.</summary>
public sealed record BlockBootstrapOptions : ISequenceModelOptions
{
    public SequenceDataOptions Data { get; init; } = new();

    /// <summary>Steps per block; null for a quarter of the sequence length (at least 2).</summary>
    public int? BlockLength { get; init; }

    public int Seed { get; init; } = 42;

    [System.Text.Json.Serialization.JsonIgnore]
    public int EffectiveBlockLength => BlockLength ?? Math.Max(2, Data.SequenceLength / 4);

    public void Validate()
    {
        Data.Validate();
        if (BlockLength is < 1) throw new SynthOptionException("block-length", $"must be at least 1 (got {BlockLength}).");
        if (BlockLength > Data.SequenceLength)
            throw new SynthOptionException("block-length", $"must not exceed the sequence length {Data.SequenceLength} (got {BlockLength}).");
    }
}

/// <summary>
/// Moving-block bootstrap (Künsch 1989): each sequence is a run of blocks of consecutive real
/// steps drawn at random positions. Within a block the real dependence (across time and across
/// features) is kept exactly; it is a resampling baseline, so its output repeats real values.
/// </summary>
public sealed class BlockBootstrapSynthesizer(BlockBootstrapOptions? options = null) : ISynthesizer
{
    public const string Name = "block-bootstrap";

    public BlockBootstrapOptions Options { get; } = Validated(options ?? new BlockBootstrapOptions());

    public string ModelName => Name;

    private static BlockBootstrapOptions Validated(BlockBootstrapOptions o)
    {
        o.Validate();
        return o;
    }

    public IFittedSynthesizer Fit(DataFrame table, TableMetadata metadata, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SequenceOptionParser.RejectStatic(Options.Data, Name);
        var data = SequenceData.FromTable(table, metadata, Options.Data);
        progress?.Report(new TrainingProgress("fit", 1, 1, new Dictionary<string, double>(), TimeSpan.Zero, TimeSpan.Zero));
        return new FittedBlockBootstrap(Options, data.FeatureNames.ToArray(), data.Series.ToArray(), data.WindowCount);
    }
}

/// <summary>The series a block bootstrap resamples.</summary>
public sealed class FittedBlockBootstrap : FittedSeriesModel<BlockBootstrapOptions>
{
    private const string PayloadTag = "block-bootstrap-payload/1";
    private readonly double[][][] series;
    private readonly int windows;

    internal FittedBlockBootstrap(BlockBootstrapOptions options, string[] featureNames, double[][][] series, int windows)
        : base(options, featureNames, windows)
    {
        this.series = series;
        this.windows = windows;
    }

    public override string ModelName => BlockBootstrapSynthesizer.Name;

    private protected override double[][][] SampleSequences(int count, Random random)
    {
        int block = Options.EffectiveBlockLength;
        var usable = series.Where(s => s.Length >= block).ToArray();
        var result = new double[count][][];
        for (int i = 0; i < count; i++)
        {
            var steps = new List<double[]>(SequenceLength + block);
            while (steps.Count < SequenceLength)
            {
                var s = usable[random.Next(usable.Length)];
                int start = random.Next(s.Length - block + 1);
                for (int t = start; t < start + block; t++) steps.Add((double[])s[t].Clone());
            }
            result[i] = steps.Take(SequenceLength).ToArray();
        }
        return result;
    }

    private sealed record Payload(string Tag, string[] Features, double[][][] Series, int Windows);

    public override void Save(Stream stream) =>
        ModelFile.Write(stream, ModelName, Metadata, Options,
            JsonSerializer.SerializeToUtf8Bytes(new Payload(PayloadTag, FeatureNames.ToArray(), series, windows), ModelFile.JsonOptions));

    public static FittedBlockBootstrap Load(ModelFileContent content)
    {
        try
        {
            var options = ModelFile.OptionsFromJson<BlockBootstrapOptions>(content.Header.Options);
            options.Validate();
            var payload = JsonSerializer.Deserialize<Payload>(content.Payload, ModelFile.JsonOptions);
            if (payload is null || payload.Tag != PayloadTag)
                throw new SynthException("The model file's payload is not a block-bootstrap payload of a layout this version reads.");
            var model = new FittedBlockBootstrap(options, payload.Features, payload.Series, payload.Windows);
            content.Header.Metadata.EnsureSameSchema(model.Metadata, "The block-bootstrap model file is inconsistent (header and payload)");
            return model;
        }
        catch (JsonException e)
        {
            throw new SynthException($"The block-bootstrap model file is damaged: {e.Message}", e);
        }
    }
}
