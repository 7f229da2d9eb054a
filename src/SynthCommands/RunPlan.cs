namespace SynthCommands;

/// <summary><c>synth run</c>'s options once read and checked against each other: what to fit, sample, write and report.</summary>
/// <param name="Data">The input's name (file, or a notebook variable).</param>
/// <param name="Rows">--rows; null: as many as the training rows (sequence models: as many sequences as windows).</param>
/// <param name="DefaultHoldout">The holdout comes from --target alone (0.2), not from --holdout-fraction.</param>
/// <param name="Clauses">The --where clauses as given, for the condition report.</param>
internal sealed record RunPlan(
    string Data, string Model, int? Rows, string OutDir, string Name, TableFormat Format, string? Into, string? Json, string? Report, bool Force,
    bool Augment, string? Balance, double? BalanceRatio, double? HoldoutFraction, bool DefaultHoldout, string? Target,
    SampleConditions? Conditions, string[] Clauses, int? ScoreIterations);
