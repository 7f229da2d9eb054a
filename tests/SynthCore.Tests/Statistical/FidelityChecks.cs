using System.Globalization;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Evaluation;
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

    /// <summary>
    /// Asserts every numeric column's KS statistic and every categorical column's total variation
    /// distance are at most the limits, the Frobenius norm of the correlation difference is at most
    /// <paramref name="maxCorrelationNorm"/>, categories are a subset of the real ones, integers are
    /// whole and every column's missing rate is within <paramref name="missingPoints"/> points.
    /// </summary>
    public static TableComparison AssertFaithful(DataFrame real, DataFrame synthetic, TableMetadata metadata,
        double maxKs, double maxTv, double maxCorrelationNorm, double missingPoints = 0.04, ITestOutputHelper? output = null)
    {
        var comparison = TableComparison.Compare(real, synthetic, metadata);
        foreach (var n in comparison.Numeric)
            output?.WriteLine($"KS {n.Column}: {n.Ks?.Statistic:F3}");
        foreach (var c in comparison.Categorical)
            output?.WriteLine($"TV {c.Column}: {c.TotalVariationDistance:F3}");
        output?.WriteLine($"correlation difference (Frobenius): {comparison.Correlation.FrobeniusNorm:F3}");

        foreach (var n in comparison.Numeric)
            Assert.True(n.Ks!.Statistic <= maxKs, $"KS of '{n.Column}' is {n.Ks.Statistic:F3}, above {maxKs}.");
        foreach (var c in comparison.Categorical)
            Assert.True(c.TotalVariationDistance <= maxTv, $"TV distance of '{c.Column}' is {c.TotalVariationDistance:F3}, above {maxTv}.");
        Assert.True(comparison.Correlation.FrobeniusNorm <= maxCorrelationNorm,
            $"correlation difference {comparison.Correlation.FrobeniusNorm:F3} is above {maxCorrelationNorm}.");

        foreach (var column in metadata.Columns)
        {
            var realColumn = real.Columns[column.Name];
            var synthColumn = synthetic.Columns[column.Name];
            double realMissing = (double)realColumn.NullCount / realColumn.Length;
            double synthMissing = (double)synthColumn.NullCount / synthColumn.Length;
            Assert.True(Math.Abs(realMissing - synthMissing) <= missingPoints,
                $"missing rate of '{column.Name}' is {synthMissing:P1}, real {realMissing:P1}.");
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
        return comparison;
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
