namespace SynthCore.Evaluation.Metrics;

/// <summary>A <see cref="CorrelationSimilarity"/> score with the two correlations it compared (null when not computed).</summary>
public sealed record CorrelationSimilarityResult(MetricResult Result, double? Real, double? Synthetic);

/// <summary>
/// 1 − |ρ_real − ρ_synthetic| / 2 for a pair of numeric or date columns (SDMetrics' CorrelationSimilarity).
/// Rows where either column is missing are dropped. Not applicable when a column is constant (one
/// distinct value) in either table, or fewer than two complete rows remain.
/// </summary>
public sealed class CorrelationSimilarity(CorrelationCoefficient coefficient = CorrelationCoefficient.Pearson) : UnitScore, IColumnPairMetric
{
    public CorrelationCoefficient Coefficient { get; } = coefficient;

    public MetricResult Compute(ColumnPair real, ColumnPair synthetic) => ComputeBreakdown(real, synthetic).Result;

    /// <summary>The score with the real and synthetic correlations.</summary>
    public CorrelationSimilarityResult ComputeBreakdown(ColumnPair real, ColumnPair synthetic) =>
        ComputeBreakdown(real.First.Name, real.Second.Name,
            ColumnValues.AlignedNumbers(real.First), ColumnValues.AlignedNumbers(real.Second),
            ColumnValues.AlignedNumbers(synthetic.First), ColumnValues.AlignedNumbers(synthetic.Second));

    /// <summary>The breakdown from columns already read as numbers (the report reads each column once, not once per pair).</summary>
    internal CorrelationSimilarityResult ComputeBreakdown(string firstName, string secondName,
        double?[] realFirst, double?[] realSecond, double?[] syntheticFirst, double?[] syntheticSecond)
    {
        var realCorrelation = Correlation(firstName, realFirst, secondName, realSecond, "real", out var realError);
        var syntheticCorrelation = Correlation(firstName, syntheticFirst, secondName, syntheticSecond, "synthetic", out var syntheticError);
        if ((realError ?? syntheticError) is { } error)
            return new(MetricResult.NotApplicable(this, error), null, null);
        return new(MetricResult.Of(this, 1 - Math.Abs(realCorrelation - syntheticCorrelation) / 2), realCorrelation, syntheticCorrelation);
    }

    /// <summary>The chosen correlation of the complete rows of <paramref name="pair"/>, or NaN with a reason.</summary>
    internal double Correlation(string firstName, double?[] first, string secondName, double?[] second, string which, out string? error)
    {
        foreach (var (values, name) in new[] { (first, firstName), (second, secondName) })
            if (IsConstant(values))
            {
                error = $"The {which} data in column '{name}' contains a constant value. Correlation is undefined for constant data.";
                return double.NaN;
            }
        var complete = Enumerable.Range(0, first.Length).Where(i => first[i].HasValue && second[i].HasValue).ToArray();
        if (complete.Length < 2)
        {
            error = $"The {which} data has fewer than two rows with both '{firstName}' and '{secondName}'.";
            return double.NaN;
        }
        var x = complete.Select(i => first[i]!.Value).ToArray();
        var y = complete.Select(i => second[i]!.Value).ToArray();
        var rho = Coefficient == CorrelationCoefficient.Pearson ? MathNet.Numerics.Statistics.Correlation.Pearson(x, y) : MathNet.Numerics.Statistics.Correlation.Spearman(x, y);
        error = double.IsNaN(rho) || IsConstant(x) || IsConstant(y)
            ? $"The {which} data is constant in '{firstName}' or '{secondName}' on the rows where both are present."
            : null;
        return error is null ? Math.Clamp(rho, -1, 1) : double.NaN;
    }

    // SDMetrics' test is nunique() == 1: one distinct non-missing value (an all-missing column is not "constant").
    private static bool IsConstant(IEnumerable<double?> values)
    {
        double? seen = null;
        foreach (var v in values)
        {
            if (v is not { } x) continue;
            if (seen is null) seen = x;
            else if (seen != x) return false;
        }
        return seen is not null;
    }

    private static bool IsConstant(double[] values) => IsConstant(values.Select(v => (double?)v));
}
