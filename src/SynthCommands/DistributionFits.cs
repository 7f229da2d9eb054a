using SynthCore.Synthesizers.Statistical;

namespace SynthCommands;

/// <summary>What <c>fit-distributions</c> found: per column, every fitted family, best first by <see cref="Ranking"/>.</summary>
public sealed record DistributionFits(string Source, FitRanking Ranking, int Top, IReadOnlyDictionary<string, IReadOnlyList<DistributionCandidate>> Columns);
