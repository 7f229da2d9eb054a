namespace SynthCore.Synthesizers;

/// <summary>How hard <see cref="RejectionSampler"/> tries before giving up.</summary>
/// <param name="MaxAttempts">Draws before giving up.</param>
/// <param name="MinBatchRows">Smallest draw.</param>
/// <param name="MaxBatchRows">Largest single draw (bounds memory).</param>
public sealed record RejectionSamplerOptions(int MaxAttempts = 8, int MinBatchRows = 256, int MaxBatchRows = 500_000);

/// <summary>
/// The conditional-sampling fallback for any model that can draw unconditional rows: draws in
/// growing batches, keeps the rows meeting every condition, and after a bounded number of
/// attempts fails saying how many matching rows it found out of how many drawn.
/// Deterministic for a given <see cref="Random"/> state as long as the draw function is.
/// </summary>
public static class RejectionSampler
{
    /// <summary>Validates <paramref name="conditions"/> against the schema and domain, then samples by rejection.</summary>
    /// <exception cref="SynthColumnException">A condition names an unknown column, an impossible range or an unseen category.</exception>
    /// <exception cref="SynthException">The conditions are too rare to meet in the bounded number of draws.</exception>
    public static DataFrame Sample(Func<int, Random, DataFrame> draw, int rows, SampleConditions? conditions,
        TableMetadata metadata, ConditionDomain domain, Random random, RejectionSamplerOptions? options = null) =>
        Sample(draw, rows, ConditionResolver.Resolve(conditions, metadata, domain), random, options);

    /// <summary>Samples <paramref name="rows"/> rows meeting every resolved condition by drawing and rejecting.</summary>
    /// <exception cref="SynthException">The conditions are too rare to meet in the bounded number of draws.</exception>
    public static DataFrame Sample(Func<int, Random, DataFrame> draw, int rows, IReadOnlyList<ResolvedCondition> conditions,
        Random random, RejectionSamplerOptions? options = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        options ??= new RejectionSamplerOptions();
        if (conditions.Count == 0) return draw(rows, random);

        var kept = new List<DataFrame>();
        long found = 0, drawn = 0;
        int batch = Math.Clamp(rows, options.MinBatchRows, options.MaxBatchRows);
        for (int attempt = 1; attempt <= options.MaxAttempts && found < rows; attempt++)
        {
            var table = draw(batch, random);
            var mask = Matching(table, conditions, out int matches);
            drawn += table.Rows.Count;
            if (matches > 0)
            {
                kept.Add(table.Filter(mask));
                found += matches;
            }
            if (found >= rows) break;
            // Size the next draw from the acceptance rate seen so far (with a margin); at least double when nothing matched yet.
            long remaining = rows - found;
            double next = found == 0 ? batch * 4.0 : remaining * (double)drawn / found * 1.25;
            batch = (int)Math.Clamp(Math.Ceiling(next), options.MinBatchRows, options.MaxBatchRows);
        }
        if (found < rows)
            throw new SynthException(
                $"The conditions ({Describe(conditions)}) are too rare for this model: only {found:N0} of {drawn:N0} sampled rows met them, "
                + $"but {rows:N0} were requested. Widen the conditions or ask for fewer rows.");
        var all = kept.Count == 1 ? kept[0] : TableRows.Concat(kept);
        return all.Rows.Count == rows ? all : all.Head(rows);
    }

    private static PrimitiveDataFrameColumn<bool> Matching(DataFrame table, IReadOnlyList<ResolvedCondition> conditions, out int matches)
    {
        long n = table.Rows.Count;
        var ok = new bool[n];
        Array.Fill(ok, true);
        foreach (var condition in conditions)
        {
            var column = table.Columns[condition.Column];
            for (long r = 0; r < n; r++)
                if (ok[r] && !condition.IsMetBy(column[r])) ok[r] = false;
        }
        matches = ok.Count(x => x);
        return new PrimitiveDataFrameColumn<bool>("match", ok);
    }

    /// <summary>The conditions in words, for messages.</summary>
    public static string Describe(IReadOnlyList<ResolvedCondition> conditions) => string.Join(", ", conditions.Select(c =>
        c.Categories is not null
            ? $"{c.Column} in {{{string.Join(", ", c.Categories.OrderBy(x => x, StringComparer.Ordinal))}}}"
            : c.IsExactValue ? $"{c.Column} = {Show(c.Kind, c.Min)}" : $"{c.Column} in [{Show(c.Kind, c.Min)}, {Show(c.Kind, c.Max)}]"));

    private static string Show(ColumnKind kind, double x) => kind == ColumnKind.Datetime
        ? CsvTable.FormatDate(new DateTime((long)x), new DateTime((long)x).TimeOfDay == TimeSpan.Zero)
        : x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
