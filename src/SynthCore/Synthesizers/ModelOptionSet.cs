namespace SynthCore.Synthesizers;

/// <summary>
/// The <c>--option</c> pairs a model accepts, declared once: the CLI, <c>#!synth</c> and the library apply them with
/// <see cref="Apply"/> (an unknown name is refused with the allowed list), <c>synth models</c> lists them with
/// <see cref="Describe"/>, and model files are checked by applying their saved options again.
/// </summary>
public sealed class ModelOptionSet<T>
{
    private readonly Dictionary<string, ModelOption<T>> byName = new(StringComparer.OrdinalIgnoreCase);

    public ModelOptionSet(IEnumerable<ModelOption<T>> options)
    {
        foreach (var option in options)
            if (!byName.TryAdd(option.Info.Name, option))
                throw new ArgumentException($"The option '{option.Info.Name}' is declared twice.", nameof(options));
    }

    public ModelOptionSet(params ModelOption<T>[] options) : this((IEnumerable<ModelOption<T>>)options) { }

    /// <summary>The option names, sorted.</summary>
    private IReadOnlyList<string> Names => byName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>These options and <paramref name="more"/>.</summary>
    public ModelOptionSet<T> And(IEnumerable<ModelOption<T>> more) => new(byName.Values.Concat(more));

    /// <summary>Whether <paramref name="extra"/> gives the option <paramref name="name"/>.</summary>
    public static bool Gives(IReadOnlyDictionary<string, string> extra, string name) =>
        extra.Keys.Any(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sets each given option on <paramref name="start"/>, in the order <paramref name="first"/> puts first (then as given).</summary>
    /// <exception cref="SynthOptionException">An option <paramref name="model"/> does not have (naming the allowed ones) or a bad value.</exception>
    public T Apply(T start, IReadOnlyDictionary<string, string> extra, string model, params string[] first) =>
        ApplyFor(start, extra, $"the '{model}' model", first);

    /// <summary>As <see cref="Apply"/>, for options of something else than a model (<paramref name="owner"/>: "how a table is read as sequences").</summary>
    public T ApplyFor(T start, IReadOnlyDictionary<string, string> extra, string owner, params string[] first)
    {
        var ordered = extra.OrderBy(pair => Array.FindIndex(first, f => f.Equals(pair.Key, StringComparison.OrdinalIgnoreCase)) is int i and >= 0 ? i : first.Length);
        foreach (var (name, value) in ordered)
        {
            if (!byName.TryGetValue(name, out var option))
                throw new SynthOptionException(name, byName.Count == 0
                    ? $"{owner} takes no --option."
                    : $"is not an option of {owner}. Allowed: {string.Join(", ", Names)}.");
            start = option.Apply(start, value);
        }
        return start;
    }

    /// <summary>Each option with its default as read from <paramref name="defaults"/>, sorted by name.</summary>
    public IReadOnlyList<ModelOptionInfo> Describe(T defaults) =>
        byName.Values.OrderBy(o => o.Info.Name, StringComparer.Ordinal)
            .Select(o => o.Info with { Default = ModelOption.Show(o.Read(defaults)) }).ToArray();
}

/// <summary>Options of a part of a model's options record (the sequence layout inside each sequence model's).</summary>
public static class ModelOptionLifting
{
    public static ModelOption<T> Within<T, TPart>(this ModelOption<TPart> option, Func<T, TPart> get, Func<T, TPart, T> set) =>
        new(option.Info, (o, v) => set(o, option.Apply(get(o), v)), o => option.Read(get(o)));
}
