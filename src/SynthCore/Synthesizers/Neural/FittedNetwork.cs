using SynthCore.Native;
using SynthCore.Persistence;
using SynthCore.Torch;
using TorchSharp;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// What the fitted networks (the GANs, CTGAN, TVAE and the VAE) share: one lock around their modules, their options and
/// device, sampling on the model's thread count from the seeded <c>sample</c> stream, and saving as header plus payload.
/// Each network says how it generates rows and what its payload holds.
/// </summary>
public abstract class FittedNetwork<TOptions>(TOptions options) : IFittedSynthesizer where TOptions : NeuralTrainingOptions, IValidatedOptions
{
    /// <summary>Held while a module runs or is saved: modules are not safe for concurrent use.</summary>
    private protected object Gate { get; } = new();

    public TOptions Options { get; } = options;

    /// <summary>Where the modules run (the options' device).</summary>
    private protected torch.Device Device { get; } = TorchDevices.Resolve(options.Device);

    public int Seed => Options.Seed;

    public abstract string ModelName { get; }

    public abstract TableMetadata Metadata { get; }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        conditions?.Validate(Metadata);
        lock (Gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var random = new RandomStreams(seed ?? Options.Seed).Torch("sample");
            return Sample(rows, conditions, random);
        }
    }

    /// <summary>Rows meeting <paramref name="conditions"/>, drawn from <paramref name="random"/>; called under <see cref="Gate"/>.</summary>
    private protected abstract DataFrame Sample(int rows, SampleConditions? conditions, torch.Generator random);

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        lock (Gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
            WritePayload(writer);
        }
        ModelFile.Write(stream, ModelName, Metadata, Options, payload.ToArray());
    }

    /// <summary>The model's payload: its tag, what it read from the data, and its modules; called under <see cref="Gate"/>.</summary>
    private protected abstract void WritePayload(BinaryWriter writer);

    /// <summary>
    /// Loading's first steps: TorchSharp's native library ready, the header's model one of <paramref name="names"/>
    /// (else "not <paramref name="expected"/>"), its options read and validated.
    /// </summary>
    /// <exception cref="SynthException">The file holds another model.</exception>
    private protected static TOptions ReadOptions(ModelFileContent content, IReadOnlyCollection<string> names, string expected)
    {
        ArgumentNullException.ThrowIfNull(content);
        TorchNativeLoader.EnsureLoaded();
        if (!names.Contains(content.Header.Model))
            throw new SynthException($"The model file holds a '{content.Header.Model}' model, not {expected}.");
        var options = ModelFile.OptionsFromJson<TOptions>(content.Header.Options);
        options.Validate();
        return options;
    }

    /// <summary>
    /// Reads the payload with <paramref name="read"/>; a failure releases what it built (<paramref name="release"/>)
    /// and, unless a <see cref="SynthException"/>, is reported as a damaged <paramref name="model"/> file.
    /// </summary>
    private protected static TFitted ReadPayload<TFitted>(ModelFileContent content, string model, Func<BinaryReader, TFitted> read, Action release) =>
        NetworkPayload.Guard(model, () =>
        {
            using var reader = new BinaryReader(new MemoryStream(content.Payload, writable: false), Encoding.UTF8);
            return read(reader);
        }, release);
}
