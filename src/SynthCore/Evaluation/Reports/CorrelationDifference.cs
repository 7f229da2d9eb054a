using MathNet.Numerics.LinearAlgebra;
using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>
/// The toolkit's correlation difference: the Frobenius norm ‖C_real − C_synthetic‖_F of the correlation
/// matrices of the numeric and date columns (each pair on the rows where both are present; both triangles
/// counted, the diagonal is 0). Pairs whose correlation is undefined in either table (a constant column)
/// add nothing. 0 means identical correlations; the largest possible value is 2·√(k(k−1)) for k columns.
/// </summary>
public static class CorrelationDifference
{
    /// <summary>The norm, or null when there are fewer than two numeric or date columns.</summary>
    public static double? FrobeniusNorm(DataFrame real, DataFrame synthetic, TableMetadata metadata,
        CorrelationCoefficient coefficient = CorrelationCoefficient.Pearson, CancellationToken cancellation = default)
    {
        var columns = metadata.Columns.Where(c => ReportInputs.IsContinuous(c.Kind)).Select(c => c.Name).ToArray();
        if (columns.Length < 2) return null;
        var metric = new CorrelationSimilarity(coefficient);
        var realNumbers = columns.Select(c => ColumnValues.AlignedNumbers(real.Columns[c])).ToArray();
        var syntheticNumbers = columns.Select(c => ColumnValues.AlignedNumbers(synthetic.Columns[c])).ToArray();
        var difference = Matrix<double>.Build.Dense(columns.Length, columns.Length);
        for (var i = 0; i < columns.Length; i++)
            for (var j = i + 1; j < columns.Length; j++)
            {
                cancellation.ThrowIfCancellationRequested();
                var r = metric.Correlation(columns[i], realNumbers[i], columns[j], realNumbers[j], "real", out var realError);
                var s = metric.Correlation(columns[i], syntheticNumbers[i], columns[j], syntheticNumbers[j], "synthetic", out var syntheticError);
                if (realError is not null || syntheticError is not null) continue;
                difference[i, j] = difference[j, i] = r - s;
            }
        return difference.FrobeniusNorm();
    }
}
