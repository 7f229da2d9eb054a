using SynthCore.Persistence;
using SynthCore.Synthesizers;

namespace SynthCore.Registry;

/// <summary>
/// Maps model names to descriptors, so the CLI, the magics and the notebooks never switch on
/// model names themselves. Models register themselves in <see cref="Default"/>.
/// </summary>
public sealed class SynthesizerRegistry
{
    private readonly Dictionary<string, SynthesizerDescriptor> descriptors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry with every model SynthCore ships.</summary>
    public static SynthesizerRegistry Default { get; } = BuiltIn.Create();

    public IReadOnlyCollection<SynthesizerDescriptor> All => descriptors.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    public SynthesizerRegistry Register(SynthesizerDescriptor descriptor)
    {
        if (!descriptors.TryAdd(descriptor.Name, descriptor))
            throw new InvalidOperationException($"A model named '{descriptor.Name}' is already registered.");
        return this;
    }

    /// <summary>The descriptor for <paramref name="name"/>.</summary>
    /// <exception cref="SynthOptionException">Unknown model; lists the known ones.</exception>
    public SynthesizerDescriptor Get(string name) =>
        descriptors.TryGetValue(name, out var d)
            ? d
            : throw new SynthOptionException("--model", $"unknown model '{name}'. Known models: {string.Join(", ", All.Select(x => x.Name))}.");

    /// <summary>A configured synthesizer for <paramref name="name"/>.</summary>
    public ISynthesizer Create(string name, SynthesizerSettings settings) => Get(name).Create(settings);

    /// <summary>Reads a model file and restores the fitted model it holds.</summary>
    /// <param name="stream">The model file.</param>
    /// <param name="expectedSchema">If given, the model's schema must match it.</param>
    /// <exception cref="SynthException">Not a model file, another format version, a model this registry lacks, or a different schema.</exception>
    public IFittedSynthesizer Load(Stream stream, TableMetadata? expectedSchema = null)
    {
        var content = ModelFile.Read(stream);
        expectedSchema?.EnsureSameSchema(content.Header.Metadata, $"The model file holds a '{content.Header.Model}' model for another table");
        return Get(content.Header.Model).Load(content);
    }
}
