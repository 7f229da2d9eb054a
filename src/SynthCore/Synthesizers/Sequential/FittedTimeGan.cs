using SynthCore.Data.Sequences;
using SynthCore.Native;
using SynthCore.Persistence;
using SynthCore.Torch;
using TorchSharp;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>
/// A trained TimeGAN: noise → generator → supervisor → recovery gives scaled sequences, mapped
/// back to the data's units by the training data's min-max scaler. Only those three networks
/// are kept (and saved); the embedder and discriminator are needed for training only.
/// </summary>
public sealed class FittedTimeGan : IFittedSequenceSynthesizer, IDisposable
{
    private const string PayloadTag = "timegan-payload/1";
    // With static features: their encoding in the header and two more networks' weights; a reader of /1 only refuses it.
    private const string StaticPayloadTag = "timegan-payload/2";
    private const int ChunkSequences = 1024;
    private readonly TimeGanNetworks nets;

    /// <summary>The trained networks (for tests and benchmarks).</summary>
    internal TimeGanNetworks Networks => nets;
    private readonly int windows;
    private readonly object gate = new();

    internal FittedTimeGan(TimeGanOptions options, string[] featureNames, MinMaxScaler scaler, TimeGanNetworks nets, int windows,
        StaticFeatures? staticFeatures = null)
    {
        Options = options;
        FeatureNames = featureNames;
        Scaler = scaler;
        this.nets = nets;
        this.windows = windows;
        Static = staticFeatures;
        if ((staticFeatures?.Width ?? 0) != nets.StaticWidth)
            throw new SynthException("The TimeGAN's static networks do not match its static features.");
        Metadata = SequenceTable.Metadata(featureNames, windows, options.Data.SequenceLength, staticFeatures);
    }

    /// <summary>The static (per-entity) columns the model generates beside the sequences, or null.</summary>
    public StaticFeatures? Static { get; }

    public string ModelName => TimeGanSynthesizer.Name;
    public TimeGanOptions Options { get; }
    public int Seed => Options.Seed;
    public IReadOnlyList<string> FeatureNames { get; }
    public MinMaxScaler Scaler { get; }
    public SequenceDataOptions DataOptions => Options.Data;
    public int SequenceLength => Options.Data.SequenceLength;
    public TableMetadata Metadata { get; }

    /// <summary><paramref name="count"/> sequences in the scaled units the networks work in ([0, 1] per feature).</summary>
    public float[][][] SampleScaled(int count, int? seed = null) => SampleScaledWithStatic(count, seed).Sequences;

    /// <summary>
    /// <paramref name="count"/> sequences in scaled units and, with static features, each one's encoded static vector
    /// (null without them). The sequences equal <see cref="SampleScaled"/>'s for the same seed.
    /// </summary>
    public (float[][][] Sequences, float[][]? Static) SampleScaledWithStatic(int count, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(count, null, ModelName);
        int length = SequenceLength, features = FeatureNames.Count;
        var result = new float[count][][];
        int width = nets.StaticWidth;
        var statics = width == 0 ? null : new float[count][];
        lock (gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var random = new RandomStreams(seed ?? Options.Seed).Torch("sample");
            var device = TorchDevices.Resolve(Options.Device);
            using var _ = torch.no_grad();
            for (int start = 0; start < count; start += ChunkSequences)
            {
                using var scope = torch.NewDisposeScope();
                int n = Math.Min(ChunkSequences, count - start);
                var z = torch.rand([n, length, features], generator: random).to(device);
                torch.Tensor sequences;
                if (statics is null) sequences = nets.Synthesize(z);
                else
                {
                    var zStatic = torch.rand([n, 1, width], generator: random).to(device);
                    var (x, staticCodes) = nets.Synthesize(z, zStatic);
                    sequences = x;
                    var codes = staticCodes.to(torch.CPU).contiguous().data<float>().ToArray();
                    for (int s = 0; s < n; s++) statics[start + s] = codes.AsSpan(s * width, width).ToArray();
                }
                var values = sequences.to(torch.CPU).contiguous().data<float>().ToArray();
                for (int s = 0; s < n; s++)
                {
                    var sequence = new float[length][];
                    for (int t = 0; t < length; t++)
                        sequence[t] = values.AsSpan((s * length + t) * features, features).ToArray();
                    result[start + s] = sequence;
                }
            }
        }
        return (result, statics);
    }

    public double[][][] SampleSequences(int count, int? seed = null) => Scaler.Unscale(SampleScaled(count, seed));

    /// <summary>
    /// <paramref name="count"/> sequences in the data's units and each one's static values (one per static column: the
    /// category's text, or a number); the static values are null for a model without static features.
    /// </summary>
    public (double[][][] Sequences, object[][]? Static) SampleWithStatic(int count, int? seed = null)
    {
        var (sequences, codes) = SampleScaledWithStatic(count, seed);
        return (Scaler.Unscale(sequences), codes is null ? null : codes.Select(c => Static!.Decode(c)).ToArray());
    }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(rows, conditions, ModelName, Metadata);
        var (sequences, statics) = SampleWithStatic(rows, seed);
        return SequenceTable.ToLong(sequences, FeatureNames, Static, statics);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Static is null ? PayloadTag : StaticPayloadTag);
            writer.Write(JsonSerializer.Serialize(new Header(FeatureNames.ToArray(), Scaler.Min, Scaler.Max, windows, Static?.Columns.ToArray()), ModelFile.JsonOptions));
            lock (gate)
            {
                nets.Generator.save(writer);
                nets.Supervisor.save(writer);
                nets.Recovery.save(writer);
                if (Static is not null)
                {
                    nets.StaticGenerator!.save(writer);
                    nets.StaticRecovery!.save(writer);
                }
            }
        }
        ModelFile.Write(stream, ModelName, Metadata, Options, payload.ToArray());
    }

    private sealed record Header(string[] Features, double[] Min, double[] Max, int Windows, StaticColumn[]? Static = null);

    /// <summary>Restores a TimeGAN from a model file's content (the registry's load entry).</summary>
    public static FittedTimeGan Load(ModelFileContent content)
    {
        TorchNativeLoader.EnsureLoaded();
        TimeGanNetworks? nets = null;
        return NetworkPayload.Guard("TimeGAN", () =>
        {
            var options = ModelFile.OptionsFromJson<TimeGanOptions>(content.Header.Options);
            options.Validate();
            using var reader = new BinaryReader(new MemoryStream(content.Payload, writable: false), Encoding.UTF8);
            string tag = reader.ReadString();
            if (tag != PayloadTag && tag != StaticPayloadTag)
                throw new SynthException("The model file's payload is not a TimeGAN payload of a layout this version reads.");
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), ModelFile.JsonOptions)
                ?? throw new SynthException("The TimeGAN model file has no feature header.");
            if (header.Min.Length != header.Features.Length || header.Max.Length != header.Features.Length)
                throw new SynthException("The TimeGAN model file is inconsistent: one scaling range per feature expected.");
            if ((tag == StaticPayloadTag) != (header.Static is { Length: > 0 }))
                throw new SynthException("The TimeGAN model file is inconsistent: its payload layout and its static columns disagree.");
            var staticFeatures = header.Static is { Length: > 0 } columns ? new StaticFeatures(columns) : null;
            if (staticFeatures is not null && staticFeatures.Columns.Any(c => c is null || c.Name is null || (c.IsCategorical ? c.Categories is not { Count: > 0 } : c.Width != 1)))
                throw new SynthException("The TimeGAN model file is inconsistent: a static column has no name or no categories.");
            // The weights are overwritten by load; the seeded generator only satisfies the constructors.
            using var init = new torch.Generator(0, torch.CPU);
            nets = new TimeGanNetworks(header.Features.Length, options, init, staticFeatures?.Width ?? 0);
            if (staticFeatures is null) NetworkPayload.ReadWeights(reader, "TimeGAN", nets.Generator, nets.Supervisor, nets.Recovery);
            else NetworkPayload.ReadWeights(reader, "TimeGAN", nets.Generator, nets.Supervisor, nets.Recovery, nets.StaticGenerator!, nets.StaticRecovery!);
            NetworkPayload.PlaceForSampling(TorchDevices.Resolve(options.Device), nets.All);
            var model = new FittedTimeGan(options, header.Features, new MinMaxScaler(header.Min, header.Max), nets, header.Windows, staticFeatures);
            content.Header.Metadata.EnsureSameSchema(model.Metadata, "The TimeGAN model file is inconsistent (header and payload)");
            return model;
        }, () => nets?.Dispose());
    }

    public void Dispose() => nets.Dispose();
}
