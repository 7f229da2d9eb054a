namespace SynthCore.Data.Sequences;

/// <summary>How a table becomes sequences: which columns order, group and make the features, and the window.</summary>
public sealed record SequenceDataOptions
{
    /// <summary>Steps per window (sequence).</summary>
    public int SequenceLength { get; init; } = 24;

    /// <summary>Steps between the starts of consecutive windows.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>The column that orders the rows; null picks the table's datetime column if it has exactly one (else row order).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>A column whose values key separate series (windows never cross two series); null for one series.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The feature columns; null for every column except the time and id columns.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>
    /// Per-entity columns that do not change over time (e.g. sex beside vitals), one value per series of
    /// <see cref="IdColumn"/>; numeric or categorical. Null for none. Only TimeGAN models them.
    /// </summary>
    public IReadOnlyList<string>? Static { get; init; }

    /// <summary>
    /// Whether uneven gaps between timestamps are accepted (then windows follow the order of the
    /// timestamps and ignore the gaps). By default an uneven gap is an error naming the time column.
    /// </summary>
    public bool AllowIrregular { get; init; }

    /// <exception cref="SynthOptionException">Names the first bad option.</exception>
    public void Validate()
    {
        if (SequenceLength < 2) throw new SynthOptionException("seq-len", $"must be at least 2 (got {SequenceLength}).");
        if (Stride < 1) throw new SynthOptionException("stride", $"must be at least 1 (got {Stride}).");
        if (Features is { Count: 0 }) throw new SynthOptionException("features", "names no columns.");
        if (Static is { Count: 0 }) throw new SynthOptionException("static", "names no columns.");
        if (Static is not null && IdColumn is null)
            throw new SynthOptionException("static", "needs an id column (--option id-column=...): static values belong to each entity's series.");
    }
}
