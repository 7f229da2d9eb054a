using System.Text;
using System.Text.Json;
using Microsoft.Data.Analysis;
using SynthCore.Data;
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
    private const int ChunkSequences = 1024;
    private readonly TimeGanNetworks nets;

    /// <summary>The trained networks (for tests and benchmarks).</summary>
    internal TimeGanNetworks Networks => nets;
    private readonly int windows;
    private readonly object gate = new();

    internal FittedTimeGan(TimeGanOptions options, string[] featureNames, MinMaxScaler scaler, TimeGanNetworks nets, int windows)
    {
        Options = options;
        FeatureNames = featureNames;
        Scaler = scaler;
        this.nets = nets;
        this.windows = windows;
        Metadata = SequenceTable.Metadata(featureNames, windows, options.Data.SequenceLength);
    }

    public string ModelName => TimeGanSynthesizer.Name;
    public TimeGanOptions Options { get; }
    public int Seed => Options.Seed;
    public IReadOnlyList<string> FeatureNames { get; }
    public MinMaxScaler Scaler { get; }
    public SequenceDataOptions DataOptions => Options.Data;
    public int SequenceLength => Options.Data.SequenceLength;
    public TableMetadata Metadata { get; }

    /// <summary><paramref name="count"/> sequences in the scaled units the networks work in ([0, 1] per feature).</summary>
    public float[][][] SampleScaled(int count, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(count, null, ModelName);
        int length = SequenceLength, features = FeatureNames.Count;
        var result = new float[count][][];
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
                var values = nets.Synthesize(z).to(torch.CPU).contiguous().data<float>().ToArray();
                for (int s = 0; s < n; s++)
                {
                    var sequence = new float[length][];
                    for (int t = 0; t < length; t++)
                        sequence[t] = values.AsSpan((s * length + t) * features, features).ToArray();
                    result[start + s] = sequence;
                }
            }
        }
        return result;
    }

    public double[][][] SampleSequences(int count, int? seed = null) => Scaler.Unscale(SampleScaled(count, seed));

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        SequenceOptionParser.CheckSampleRequest(rows, conditions, ModelName, Metadata);
        return SequenceTable.ToLong(SampleSequences(rows, seed), FeatureNames);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(PayloadTag);
            writer.Write(JsonSerializer.Serialize(new Header(FeatureNames.ToArray(), Scaler.Min, Scaler.Max, windows), ModelFile.JsonOptions));
            lock (gate)
            {
                nets.Generator.save(writer);
                nets.Supervisor.save(writer);
                nets.Recovery.save(writer);
            }
        }
        ModelFile.Write(stream, ModelName, Metadata, Options, payload.ToArray());
    }

    private sealed record Header(string[] Features, double[] Min, double[] Max, int Windows);

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
            if (reader.ReadString() != PayloadTag)
                throw new SynthException("The model file's payload is not a TimeGAN payload of a layout this version reads.");
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), ModelFile.JsonOptions)
                ?? throw new SynthException("The TimeGAN model file has no feature header.");
            if (header.Min.Length != header.Features.Length || header.Max.Length != header.Features.Length)
                throw new SynthException("The TimeGAN model file is inconsistent: one scaling range per feature expected.");
            // The weights are overwritten by load; the seeded generator only satisfies the constructors.
            using var init = new torch.Generator(0, torch.CPU);
            nets = new TimeGanNetworks(header.Features.Length, options, init);
            NetworkPayload.ReadWeights(reader, "TimeGAN", nets.Generator, nets.Supervisor, nets.Recovery);
            NetworkPayload.PlaceForSampling(TorchDevices.Resolve(options.Device), nets.All);
            var model = new FittedTimeGan(options, header.Features, new MinMaxScaler(header.Min, header.Max), nets, header.Windows);
            content.Header.Metadata.EnsureSameSchema(model.Metadata, "The TimeGAN model file is inconsistent (header and payload)");
            return model;
        }, () => nets?.Dispose());
    }

    public void Dispose() => nets.Dispose();
}
