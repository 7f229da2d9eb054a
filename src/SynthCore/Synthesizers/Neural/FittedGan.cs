using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Native;
using SynthCore.Persistence;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// A trained screen-time GAN: its generator and the table transform that maps generated
/// features back to rows. Sampling runs the generator in eval mode (batch norm on its running
/// statistics) and meets conditions by rejection.
/// </summary>
public sealed class FittedGan : IFittedSynthesizer, IDisposable
{
    /// <summary>Rows generated per forward pass: bounds memory for large samples.</summary>
    private const int ChunkRows = 4096;

    /// <summary>Conditional sampling gives up after this many candidates per requested row (at least <see cref="MinCandidates"/>).</summary>
    private const int CandidatesPerRow = 100;
    private const int MinCandidates = 10_000;

    /// <summary>Names this payload layout, so a payload of another layout fails clearly.</summary>
    private const string PayloadTag = "gan-payload/1";

    private readonly GanGenerator generator;
    private readonly Device device;
    private readonly object gate = new();

    internal FittedGan(GanOptions options, TableTransform transform, GanGenerator generator)
    {
        Options = options;
        Transform = transform;
        this.generator = generator;
        device = TorchDevices.Resolve(options.Device);
    }

    public string ModelName => GanSynthesizer.Name;

    public TableMetadata Metadata => Transform.Metadata;

    /// <summary>The options the model was trained with.</summary>
    public GanOptions Options { get; }

    /// <summary>
    /// The (ε, δ) of DP-SGD training (RDP accountant, Poisson rate batch / rows over every step), or null
    /// when trained without it. It covers the networks' weights; the table transform's ranges and category
    /// sets are read from the data as is and are not private.
    /// </summary>
    public (double Epsilon, double Delta)? DifferentialPrivacy =>
        Options.DpNoiseMultiplier is double sigma
            ? (GanDpSgd.Epsilon(Metadata.RowCount, Options), Options.DpDelta)
            : null;

    /// <summary>Maps the generator's features back to table rows.</summary>
    public TableTransform Transform { get; }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        conditions?.Validate(Metadata);
        lock (gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var random = new torch.Generator(unchecked((ulong)(seed ?? Options.Seed)), torch.CPU);
            generator.Randomness = random;
            try
            {
                return conditions is null || conditions.All.Count == 0
                    ? Transform.Reverse(Generate(rows, random), rows)
                    : SampleMeeting(conditions, rows, random);
            }
            finally
            {
                generator.Randomness = null;
            }
        }
    }

    /// <summary>Rejection sampling: generate candidates in chunks, keep the rows that meet every condition.</summary>
    private DataFrame SampleMeeting(SampleConditions conditions, int rows, torch.Generator random)
    {
        int width = Transform.Width;
        long budget = Math.Max((long)rows * CandidatesPerRow, MinCandidates);
        var kept = new float[(long)rows * width];
        int found = 0;
        long generated = 0;
        while (found < rows && generated < budget)
        {
            int count = (int)Math.Min(ChunkRows, budget - generated);
            float[] candidates = Generate(count, random);
            generated += count;
            var table = Transform.Reverse(candidates, count);
            for (int row = 0; row < count && found < rows; row++)
            {
                if (!conditions.IsMetBy(column => table.Columns[column][row])) continue;
                Array.Copy(candidates, (long)row * width, kept, (long)found * width, width);
                found++;
            }
        }
        if (found < rows)
            throw new SynthException(
                $"Only {found} of {generated:N0} generated rows met the conditions ({string.Join("; ", conditions.All.Select(Describe))}); "
                + $"{rows} were requested. Loosen the conditions or ask for fewer rows.");
        return Transform.Reverse(kept, rows);
    }

    private static string Describe(ColumnCondition condition) => condition switch
    {
        EqualsCondition e => $"{e.Column} = {e.Value}",
        OneOfCondition o => $"{o.Column} in [{string.Join(", ", o.Values)}]",
        RangeCondition r => $"{r.Column} in [{r.Min?.ToString() ?? "-∞"}, {r.Max?.ToString() ?? "∞"}]",
        _ => condition.ToString(),
    };

    /// <summary>rows × width generator outputs, row-major.</summary>
    private float[] Generate(int rows, torch.Generator random)
    {
        var result = new float[(long)rows * Transform.Width];
        using var _ = torch.no_grad();
        for (int start = 0; start < rows; start += ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            int count = Math.Min(ChunkRows, rows - start);
            var noise = torch.randn([count, Options.LatentDim], generator: random).to(device);
            var features = generator.forward(noise).to(torch.CPU).contiguous();
            features.data<float>().CopyTo(result.AsSpan(start * Transform.Width, count * Transform.Width));
        }
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(PayloadTag);
            writer.Write(Transform.ToJson().ToJsonString());
            lock (gate) generator.save(writer);
        }
        ModelFile.Write(stream, GanSynthesizer.Name, Metadata, Options, payload.ToArray());
    }

    /// <summary>Restores a fitted GAN from a model file's content (the registry's load entry).</summary>
    /// <exception cref="SynthException">The payload is not a GAN's, is damaged, or disagrees with the header.</exception>
    public static FittedGan Load(ModelFileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        TorchNativeLoader.EnsureLoaded();
        if (content.Header.Model != GanSynthesizer.Name)
            throw new SynthException($"The model file holds a '{content.Header.Model}' model, not a '{GanSynthesizer.Name}' one.");

        GanOptions options;
        try
        {
            options = ModelFile.OptionsFromJson<GanOptions>(content.Header.Options);
        }
        catch (JsonException e)
        {
            throw new SynthException($"The GAN model file's options are damaged: {e.Message}", e);
        }
        options.Validate();

        GanGenerator? generator = null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.Payload, writable: false), Encoding.UTF8);
            if (reader.ReadString() != PayloadTag)
                throw new SynthException($"The model file's payload is not a '{GanSynthesizer.Name}' payload of a layout this version reads.");
            var transform = TableTransform.FromJson(JsonNode.Parse(reader.ReadString())?.AsObject()
                ?? throw new SynthException("The GAN model file holds no table transform."));
            content.Header.Metadata.EnsureSameSchema(transform.Metadata, "The GAN model file is inconsistent (header and transform)");

            // The weights are overwritten by load; the seeded generator only satisfies the constructor.
            using var init = new torch.Generator(0, torch.CPU);
            generator = new GanGenerator(options.LatentDim, transform.Spans, options.GumbelTemperature, init);
            generator.load(reader, strict: true);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
                throw new SynthException("The GAN model file has unexpected bytes after the generator's weights.");
            generator.to(TorchDevices.Resolve(options.Device));
            generator.eval();
            return new FittedGan(options, transform, generator);
        }
        catch (Exception e) when (e is not SynthException)
        {
            generator?.Dispose();
            throw new SynthException($"The GAN model file is damaged or does not match its options: {e.Message}", e);
        }
        catch
        {
            generator?.Dispose();
            throw;
        }
    }

    public void Dispose() => generator.Dispose();
}
