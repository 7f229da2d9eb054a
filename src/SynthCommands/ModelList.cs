namespace SynthCommands;

/// <summary>A model <c>synth models</c> lists.</summary>
public sealed record ModelListEntry(string Name, string Description);

/// <summary>What <c>synth models</c> shows.</summary>
public sealed record ModelList(IReadOnlyList<ModelListEntry> Models);
