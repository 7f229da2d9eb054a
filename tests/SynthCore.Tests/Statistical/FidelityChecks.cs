using System.Globalization;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using Xunit.Abstractions;

namespace SynthCore.Tests.Statistical;

/// <summary>Statistical checks of a synthetic table against the real one, shared by the statistical model tests.</summary>
internal static class FidelityChecks
{
    /// <summary>Fits <paramref name="model"/> on data/<paramref name="file"/> through the registry with a fixed seed.</summary>
    public static (DataFrame Real, TableMetadata Metadata, IFittedSynthesizer Fitted) Fit(string model, string file, int seed = 7, Dictionary<string, string>? options = null)
    {
        var (table, metadata) = BundledData.Load(file);
        var settings = new SynthesizerSettings { Seed = seed, Extra = options ?? new Dictionary<string, string>() };
        return (table, metadata, SynthesizerRegistry.Default.Create(model, settings).Fit(table, metadata));
    }

    /// <summary>The allowed distances of a synthetic table from the real one (<see cref="Measure"/>).</summary>
    public sealed record Limits(double MaxKs, double MaxTv, double MaxCorrelationNorm, double MissingPoints = 0.04);

    /// <summary>
    /// Every numeric column's KS statistic and every categorical column's total variation distance,
    /// the Frobenius norm of the correlation difference and the missing-rate gap of every column with missing values, each
    /// against its limit: the statistical part of <see cref="AssertFaithful"/>, shared with seed sweeps.
    /// </summary>
    public static IReadOnlyList<Sweeps.StatisticalCheck> Measure(DataFrame real, DataFrame synthetic, TableMetadata metadata, Limits limits) =>
        Measure(TableComparison.Compare(real, synthetic, metadata), real, synthetic, metadata, limits);

    private static IReadOnlyList<Sweeps.StatisticalCheck> Measure(TableComparison comparison, DataFrame real, DataFrame synthetic, TableMetadata metadata, Limits limits)
    {
        var checks = new List<Sweeps.StatisticalCheck>();
        foreach (var n in comparison.Numeric)
            checks.Add(Sweeps.StatisticalCheck.AtMost($"{n.Column} KS", n.Ks!.Statistic, limits.MaxKs));
        foreach (var c in comparison.Categorical)
            checks.Add(Sweeps.StatisticalCheck.AtMost($"{c.Column} TV", c.TotalVariationDistance, limits.MaxTv));
        checks.Add(Sweeps.StatisticalCheck.AtMost("correlation difference (Frobenius)", comparison.Correlation.FrobeniusNorm, limits.MaxCorrelationNorm));
        foreach (var column in metadata.Columns)
        {
            var realColumn = real.Columns[column.Name];
            var synthColumn = synthetic.Columns[column.Name];
            if (realColumn.NullCount == 0) continue; // then none may be missing: AssertWellFormed
            double realMissing = (double)realColumn.NullCount / realColumn.Length;
            double synthMissing = (double)synthColumn.NullCount / synthColumn.Length;
            checks.Add(Sweeps.StatisticalCheck.AtMost($"{column.Name} missing-rate gap", Math.Abs(realMissing - synthMissing), limits.MissingPoints));
        }
        return checks;
    }

    /// <summary>
    /// Asserts the checks of <see cref="Measure"/> (KS, total variation, correlation difference,
    /// missing rates) and, exactly, that categories are a subset of the real ones, integers are whole
    /// and numbers lie inside the real range.
    /// </summary>
    public static TableComparison AssertFaithful(DataFrame real, DataFrame synthetic, TableMetadata metadata, Limits limits, ITestOutputHelper? output = null)
    {
        var comparison = TableComparison.Compare(real, synthetic, metadata);
        var checks = Measure(comparison, real, synthetic, metadata, limits);
        foreach (var check in checks) output?.WriteLine(check.ToString());
        Sweeps.StatisticalCheck.AssertAll(checks);
        AssertWellFormed(real, synthetic, metadata);
        return comparison;
    }

    /// <summary>The deterministic part: known categories, whole integers, numbers inside the real range, no missing values where the real column has none.</summary>
    public static void AssertWellFormed(DataFrame real, DataFrame synthetic, TableMetadata metadata)
    {
        foreach (var column in metadata.Columns)
        {
            var realColumn = real.Columns[column.Name];
            var synthColumn = synthetic.Columns[column.Name];
            if (realColumn.NullCount == 0) Assert.True(synthColumn.NullCount == 0, $"'{column.Name}' has no missing values, the sample {synthColumn.NullCount}.");
            if (column.Kind is ColumnKind.Categorical or ColumnKind.Boolean)
            {
                var known = Labels(realColumn).ToHashSet();
                Assert.All(Labels(synthColumn), label => Assert.Contains(label, known));
            }
            if (column.Kind == ColumnKind.Integer)
                Assert.All(Numbers(synthColumn), x => Assert.Equal(Math.Round(x), x));
            if (column.IsNumeric)
            {
                var realValues = Numbers(realColumn);
                Assert.All(Numbers(synthColumn), x => Assert.InRange(x, realValues.Min(), realValues.Max()));
            }
        }
    }

    public static IEnumerable<string> Labels(DataFrameColumn column)
    {
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } value) yield return Convert.ToString(value, CultureInfo.InvariantCulture)!;
    }

    public static double[] Numbers(DataFrameColumn column)
    {
        var values = new List<double>();
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } value) values.Add(value is DateTime d ? d.Ticks : Convert.ToDouble(value, CultureInfo.InvariantCulture));
        return values.ToArray();
    }

    /// <summary>The table as CSV text, to compare samples exactly.</summary>
    public static string Csv(DataFrame table)
    {
        using var dir = new Data.TempDirectory();
        string path = dir.PathOf("rows.csv");
        CsvTable.Write(table, path);
        return File.ReadAllText(path);
    }

    /// <summary>Saves and loads through the registry, as the CLI does.</summary>
    public static IFittedSynthesizer SaveAndLoad(IFittedSynthesizer fitted)
    {
        using var file = new MemoryStream();
        fitted.Save(file);
        file.Position = 0;
        return SynthesizerRegistry.Default.Load(file, fitted.Metadata);
    }
}
