namespace SynthCore.Evaluation.Reports;

/// <summary>A report property and its score: the mean of its computed metric scores (NaN if none could be computed).</summary>
public sealed record PropertyScore(string Property, double Score);
