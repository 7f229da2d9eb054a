namespace SynthCore.Anonymization;

/// <summary>Options of <see cref="Perturbation.Apply"/>.</summary>
public sealed record PerturbationOptions
{
    /// <summary>Noise standard deviation as a fraction of each numeric column's own standard deviation.</summary>
    public double Scale { get; init; } = 0.1;

    /// <summary>The columns to perturb; null for every continuous and integer column (and every categorical and boolean one when <see cref="SwapRate"/> is above 0).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Whether noisy numeric values are clipped into the column's observed range (default: no).</summary>
    public bool Clip { get; init; }

    /// <summary>Probability that a categorical or boolean value is redrawn from its column's marginal (default 0: untouched).</summary>
    public double SwapRate { get; init; }

    public int Seed { get; init; } = 42;
}

/// <summary>One column before and after <see cref="Perturbation.Apply"/>.</summary>
/// <param name="Column">The column.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Method">"noise" or "swap".</param>
/// <param name="MeanBefore">Mean before (numeric columns; NaN for categories).</param>
/// <param name="MeanAfter">Mean after.</param>
/// <param name="StdBefore">Sample standard deviation before.</param>
/// <param name="StdAfter">Sample standard deviation after.</param>
/// <param name="NoiseStd">The noise standard deviation used (NaN for categories).</param>
/// <param name="ChangedShare">Share of the present values that differ afterwards.</param>
/// <param name="ClippedRows">Rows clipped into the observed range (0 without clipping).</param>
public sealed record PerturbedColumn(string Column, ColumnKind Kind, string Method, double MeanBefore, double MeanAfter,
    double StdBefore, double StdAfter, double NoiseStd, double ChangedShare, int ClippedRows);

/// <summary>The perturbed table and what happened to each perturbed column.</summary>
public sealed record PerturbationResult(DataFrame Table, IReadOnlyList<PerturbedColumn> Columns);

/// <summary>
/// Perturbs a table in place of synthesizing one, as the original toolkit's noise injection did: Gaussian noise
/// of <c>scale</c> × each numeric column's standard deviation (<see cref="NoiseInjection"/>, integers rounded,
/// clipped to the observed range only on request), and optionally category swapping (<see cref="CategorySwap"/>).
/// Other columns (dates, identifiers) are copied. Seeded through <see cref="RandomStreams"/>.
/// </summary>
public static class Perturbation
{
    /// <exception cref="SynthOptionException">A bad scale or swap rate, or no column to perturb.</exception>
    /// <exception cref="SynthColumnException">A named column is missing or of a kind that cannot be perturbed as asked.</exception>
    public static PerturbationResult Apply(DataFrame table, TableMetadata metadata, PerturbationOptions options)
    {
        if (!(options.Scale >= 0 && double.IsFinite(options.Scale))) throw new SynthOptionException("scale", $"must be a non-negative number (got {options.Scale}).");
        if (!(options.SwapRate >= 0 && options.SwapRate <= 1)) throw new SynthOptionException("swap-rate", $"must be between 0 and 1 (got {options.SwapRate}).");
        static bool IsNumeric(ColumnKind kind) => kind is ColumnKind.Continuous or ColumnKind.Integer;
        static bool IsCategory(ColumnKind kind) => kind is ColumnKind.Categorical or ColumnKind.Boolean;

        string[] numeric, categories;
        if (options.Columns is { } named)
        {
            foreach (var name in named)
            {
                if (!metadata.Contains(name)) throw new SynthColumnException(name, "is missing from the table.");
                var kind = metadata[name].Kind;
                if (IsCategory(kind) && options.SwapRate == 0)
                    throw new SynthColumnException(name, "is categorical: give a swap rate (--swap-rate) to perturb it, or leave it out.");
                if (!IsNumeric(kind) && !IsCategory(kind))
                    throw new SynthColumnException(name, $"is {kind.ToString().ToLowerInvariant()}; only numeric (noise) and categorical (swaps) columns are perturbed.");
            }
            numeric = named.Where(n => IsNumeric(metadata[n].Kind)).ToArray();
            categories = named.Where(n => IsCategory(metadata[n].Kind)).ToArray();
        }
        else
        {
            numeric = metadata.Columns.Where(c => IsNumeric(c.Kind)).Select(c => c.Name).ToArray();
            categories = options.SwapRate > 0 ? metadata.Columns.Where(c => IsCategory(c.Kind)).Select(c => c.Name).ToArray() : [];
        }
        // A column of only missing values has nothing to perturb (NoiseInjection would refuse it by name).
        numeric = numeric.Where(n => metadata[n].MissingCount < metadata[n].RowCount || options.Columns is not null).ToArray();
        if (numeric.Length + categories.Length == 0)
            throw new SynthOptionException("columns", "the table has no numeric column to add noise to (and no swap rate for its categorical columns).");

        var noise = numeric.ToDictionary(n => n, _ => new ColumnNoise { RelativeStd = options.Scale, Clip = options.Clip });
        var (noisy, noiseApplied) = NoiseInjection.Apply(table, metadata, noise, options.Seed);
        var (result, swapApplied) = categories.Length > 0
            ? CategorySwap.Apply(noisy, metadata, categories, options.SwapRate, options.Seed)
            : (noisy, []);

        var summary = new List<PerturbedColumn>();
        foreach (var column in metadata.Columns)
        {
            if (noiseApplied.FirstOrDefault(a => a.Column == column.Name) is { } n)
            {
                var before = Numbers(table[column.Name]);
                var after = Numbers(result[column.Name]);
                var pairs = before.Zip(after).Where(p => p.First.HasValue).ToArray();
                summary.Add(new PerturbedColumn(column.Name, column.Kind, "noise",
                    Mean(before), Mean(after), Std(before), Std(after), n.Std,
                    pairs.Length == 0 ? 0 : pairs.Count(p => p.First != p.Second) / (double)pairs.Length, n.ClippedRows));
            }
            else if (swapApplied.FirstOrDefault(a => a.Column == column.Name) is { } s)
            {
                int present = column.RowCount - column.MissingCount;
                summary.Add(new PerturbedColumn(column.Name, column.Kind, "swap", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                    present == 0 ? 0 : s.Changed / (double)present, 0));
            }
        }
        return new PerturbationResult(result, summary);
    }

    private static double?[] Numbers(DataFrameColumn column) =>
        Enumerable.Range(0, (int)column.Length).Select(r => column[r] is { } v && !ColumnStorageExtensions.IsMissing(v) ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : (double?)null).ToArray();

    private static double Mean(double?[] values) => values.Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(double.NaN).Average();

    private static double Std(double?[] values) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(values.Where(v => v.HasValue).Select(v => v!.Value));
}
