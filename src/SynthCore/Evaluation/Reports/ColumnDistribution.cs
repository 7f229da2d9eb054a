using MathNet.Numerics.Statistics;
using SynthCore.Evaluation.Metrics;

namespace SynthCore.Evaluation.Reports;

/// <summary>
/// The toolkit's per-column summary of a numeric or date column, real beside synthetic. Values are in the
/// column's units; dates in days since 1970-01-01. Standard deviations are sample ones (n − 1). Missing
/// values are left out. Fields are NaN when a side has too few values.
/// </summary>
/// <param name="Wasserstein">Exact Wasserstein-1 distance between the empirical distributions (see <see cref="WassersteinDistance"/>).</param>
/// <param name="KsStatistic">Two-sample Kolmogorov–Smirnov D (1 − KSComplement).</param>
/// <param name="KsPValue">Its two-sided p-value (asymptotic, see <see cref="KolmogorovSmirnov"/>).</param>
public sealed record ColumnDistribution(
    string Column, double RealMean, double SyntheticMean, double RealStd, double SyntheticStd,
    double Wasserstein, double KsStatistic, double KsPValue)
{
    

    /// <summary>One summary per numeric or date column, in metadata order.</summary>
    public static IReadOnlyList<ColumnDistribution> Compare(DataFrame real, DataFrame synthetic, TableMetadata metadata) =>
        metadata.Columns.Where(c => ReportInputs.IsContinuous(c.Kind))
            .Select(c => Compare(real.Columns[c.Name], synthetic.Columns[c.Name]))
            .ToArray();

    /// <summary>The summary of one numeric or date column.</summary>
    public static ColumnDistribution Compare(DataFrameColumn real, DataFrameColumn synthetic)
    {
        var scale = real.DataType == typeof(DateTime) ? 1.0 / TimeSpan.TicksPerDay : 1;
        var r = ColumnValues.Numbers(real).Select(x => x * scale).ToArray();
        var s = ColumnValues.Numbers(synthetic).Select(x => x * scale).ToArray();
        var both = r.Length > 0 && s.Length > 0;
        var ks = both ? KolmogorovSmirnov.TwoSample(r, s) : new KsResult(double.NaN, double.NaN);
        return new ColumnDistribution(real.Name,
            r.Length > 0 ? r.Mean() : double.NaN, s.Length > 0 ? s.Mean() : double.NaN,
            r.Length > 1 ? r.StandardDeviation() : double.NaN, s.Length > 1 ? s.StandardDeviation() : double.NaN,
            both ? WassersteinDistance.Between(r, s) : double.NaN, ks.Statistic, ks.PValue);
    }
}
