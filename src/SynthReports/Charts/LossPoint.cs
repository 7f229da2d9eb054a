namespace SynthReports.Charts;

/// <summary>One loss value at one step of one phase.</summary>
public sealed record LossPoint(string Phase, int Step, string Name, double Value);
