namespace SynthCommands;

/// <summary>A model <c>synth models</c> lists, with the <c>--option</c> settings it declares.</summary>
public sealed record ModelListEntry(string Name, string Description, IReadOnlyList<ModelOptionInfo> Options);

/// <summary>What <c>synth models</c> shows; <paramref name="WithOptions"/> for one model's settings.</summary>
public sealed record ModelList(IReadOnlyList<ModelListEntry> Models, bool WithOptions = false);
