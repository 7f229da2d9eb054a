using SynthCore.Synthesizers.Sequential;

namespace SynthCommands;

/// <summary>What <c>synth forecast</c> shows: the fitted model, the forecast table and where the CSV went.</summary>
public sealed record ForecastSummary(string Source, TableForecastResult Result, string? OutputCsv);
