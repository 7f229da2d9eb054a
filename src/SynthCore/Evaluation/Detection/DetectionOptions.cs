namespace SynthCore.Evaluation.Detection;

/// <summary>How <see cref="Detection"/> tells real rows from synthetic ones.</summary>
public sealed record DetectionOptions
{
    /// <summary>Folds of the stratified cross-validation (each fold holds the same share of real and synthetic rows).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Rows drawn from each table (the smaller table's size when it has fewer): the two classes stay balanced.</summary>
    public int MaxRowsPerTable { get; init; } = 5000;

    /// <summary>Seeds the row draws, the folds and the classifiers: same seed, same scores.</summary>
    public int Seed { get; init; }

    /// <summary>Columns named in <see cref="DetectionScore.TopColumns"/>.</summary>
    public int TopColumns { get; init; } = 5;

    public void Validate()
    {
        if (Folds is < 2 or > 20) throw new SynthOptionException("folds", $"must be 2 to 20, got {Folds}.");
        if (MaxRowsPerTable < 20) throw new SynthOptionException("max-rows", $"must be at least 20, got {MaxRowsPerTable}.");
        if (TopColumns < 0) throw new SynthOptionException("top-columns", $"must not be negative, got {TopColumns}.");
    }
}
