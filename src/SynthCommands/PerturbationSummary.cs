using SynthCore.Anonymization;

namespace SynthCommands;

/// <summary>What <c>synth perturb</c> did: the settings, each perturbed column before and after, and where the CSV went.</summary>
public sealed record PerturbationSummary(string Source, int Rows, double Scale, bool Clip, double SwapRate, int Seed,
    IReadOnlyList<PerturbedColumn> Columns, string? OutputCsv);
