using SynthCore.Synthesizers;

namespace SynthCore.Registry;

/// <summary>
/// What a <see cref="SynthesisRun"/> does besides fit and sample: how many rows, a holdout, conditions or class
/// balancing, and which judgements. The option names are what errors name (the CLI passes its own <c>--</c> spellings).
/// </summary>
public sealed record SynthesisRunOptions
{
    /// <summary>Rows to sample (sequence models: sequences); null: as many as the rows the model is fitted on (sequence models: its windows). Not with <see cref="Balance"/>.</summary>
    public int? Rows { get; init; }

    /// <summary>The seed of the sample; null: the fitted model's own seed (<see cref="IFittedSynthesizer.Sample"/>).</summary>
    public int? SampleSeed { get; init; }

    /// <summary>The share of real rows held out before the fit (seeded by the settings' seed); null: none.</summary>
    public double? HoldoutFraction { get; init; }

    /// <summary>The column whose prediction measures utility (trained on synthetic rows, tested on the holdout); needs <see cref="Evaluate"/>.</summary>
    public string? Target { get; init; }

    /// <summary>Conditions every sampled row should meet; checked against the training rows before the fit.</summary>
    public SampleConditions? Conditions { get; init; }

    /// <summary>Instead of <see cref="Rows"/>: top up this categorical column's rarer classes (<see cref="Balancer"/>).</summary>
    public string? Balance { get; init; }

    /// <summary>With <see cref="Balance"/>: each class reaches this share of the largest one.</summary>
    public double BalanceRatio { get; init; } = 1.0;

    /// <summary>Compare the samples with the training rows (<see cref="Evaluation.TableComparison"/>; sequence models: <see cref="Evaluation.Scorecards.Evaluator.EvaluateSequences"/>).</summary>
    public bool Compare { get; init; } = true;

    /// <summary>Run <see cref="Evaluation.Scorecards.Evaluator.Evaluate"/> (with utility and privacy on the holdout when there is one).</summary>
    public bool Evaluate { get; init; }

    /// <summary>Sequence models: GRU training iterations of the discriminative and predictive scores; 0 skips them, null: the paper's.</summary>
    public int? ScoreIterations { get; init; }

    /// <summary>The real table's name in the evaluation.</summary>
    public string RealName { get; init; } = "real";

    /// <summary>The option too many rows (sequence models: sequences) are reported under.</summary>
    public string RowsOption { get; init; } = "rows";

    /// <summary>The option a bad holdout share is reported under.</summary>
    public string HoldoutOption { get; init; } = "holdout-fraction";

    /// <summary>The option a condition the table or the model cannot meet is reported under.</summary>
    public string ConditionsOption { get; init; } = "conditions";
}
