using MathNet.Numerics.Distributions;

namespace SynthCore.Anonymization;

/// <summary>How much noise one numeric column gets: an absolute variance, or a standard deviation relative to the column's own.</summary>
public sealed record ColumnNoise
{
    /// <summary>Variance of the added Gaussian noise, in the column's units squared.</summary>
    public double? Variance { get; init; }

    /// <summary>Noise standard deviation as a multiple of the column's sample standard deviation.</summary>
    public double? RelativeStd { get; init; }

    /// <summary>Values are clipped into these bounds after adding noise; null for the column's observed range.</summary>
    public NumericBounds? Bounds { get; init; }

    /// <summary>Whether noisy values are clipped into <see cref="Bounds"/> (default true); false lets them leave the range.</summary>
    public bool Clip { get; init; } = true;
}

/// <summary>What <see cref="NoiseInjection.Apply"/> did to one column.</summary>
/// <param name="Column">The column.</param>
/// <param name="Std">The noise standard deviation used.</param>
/// <param name="Bounds">The bounds values were clipped to.</param>
/// <param name="ClippedRows">Rows whose noisy value fell outside the bounds and was clipped (0 when not clipping).</param>
public sealed record NoiseApplied(string Column, double Std, NumericBounds Bounds, int ClippedRows);

/// <summary>
/// Additive Gaussian noise on numeric columns: x' = clip(x + N(0, σ²)), rounded for integer columns.
/// Clipping and rounding change the variance slightly (rounding adds about 1/12); the report says how
/// many rows were clipped. This is noise for disclosure control, not differential privacy: without
/// bounded sensitivity and a budget it carries no formal guarantee.
/// </summary>
public static class NoiseInjection
{
    /// <exception cref="SynthColumnException">A column is missing, not continuous/integer, or its noise is mis-specified.</exception>
    public static (DataFrame Table, IReadOnlyList<NoiseApplied> Applied) Apply(DataFrame table, TableMetadata metadata,
        IReadOnlyDictionary<string, ColumnNoise> noise, int seed)
    {
        var random = new RandomStreams(seed).Stream("noise");
        var applied = new List<NoiseApplied>();
        var columns = new List<DataFrameColumn>();
        foreach (var name in noise.Keys)
            if (!table.Columns.Any(c => c.Name == name)) throw new SynthColumnException(name, "is missing from the table.");
        foreach (var column in table.Columns)
        {
            if (!noise.TryGetValue(column.Name, out var spec)) { columns.Add(column.Clone()); continue; }
            var kind = metadata[column.Name].Kind;
            if (kind is not (ColumnKind.Continuous or ColumnKind.Integer))
                throw new SynthColumnException(column.Name, $"is {kind.ToString().ToLowerInvariant()}; noise is added to continuous and integer columns only.");
            if ((spec.Variance is null) == (spec.RelativeStd is null))
                throw new SynthColumnException(column.Name, "needs exactly one of a noise variance or a relative standard deviation.");
            var codec = ColumnValueCodec.CreateChecked(column, kind);
            var values = Enumerable.Range(0, (int)column.Length)
                .Select(r => !ColumnStorageExtensions.IsMissing(column[r]) && codec.TryToNumber(column[r]!, out double x) ? x : (double?)null).ToArray();
            var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            if (present.Length == 0) throw new SynthColumnException(column.Name, "has only missing values.");
            double std = spec.Variance is double variance
                ? (variance >= 0 && double.IsFinite(variance) ? Math.Sqrt(variance) : throw new SynthColumnException(column.Name, $"noise variance must be a non-negative number (got {variance})."))
                : (spec.RelativeStd is >= 0 and var rel && double.IsFinite(rel)
                    ? rel * MathNet.Numerics.Statistics.Statistics.StandardDeviation(present)
                    : throw new SynthColumnException(column.Name, $"relative noise must be a non-negative number (got {spec.RelativeStd})."));
            if (double.IsNaN(std)) std = 0; // a one-row column has no standard deviation
            var bounds = spec.Bounds ?? new NumericBounds(present.Min(), present.Max());
            int clipped = 0;
            var output = new object?[values.Length];
            for (int r = 0; r < values.Length; r++)
            {
                if (values[r] is not double x) continue;
                double y = x + Normal.Sample(random, 0, 1) * std;
                if (kind == ColumnKind.Integer) y = Math.Round(y);
                double lo = kind == ColumnKind.Integer ? Math.Ceiling(bounds.Lower) : bounds.Lower;
                double hi = kind == ColumnKind.Integer ? Math.Floor(bounds.Upper) : bounds.Upper;
                if (spec.Clip && (y < lo || y > hi)) { clipped++; y = Math.Clamp(y, lo, hi); }
                output[r] = codec.FromNumber(y);
            }
            columns.Add(codec.Storage.Create(column.Name, output));
            applied.Add(new NoiseApplied(column.Name, std, bounds, clipped));
        }
        return (new DataFrame(columns), applied);
    }
}
