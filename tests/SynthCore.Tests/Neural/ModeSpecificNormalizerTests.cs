using SynthCore.Transforms;
using SynthCore.Tests.Statistical;
using Xunit.Abstractions;

namespace SynthCore.Tests.Neural;

/// <summary>The variational Gaussian mixture finds a column's modes; CTGAN's representation round-trips.</summary>
public sealed class ModeSpecificNormalizerTests(ITestOutputHelper output)
{
    [Fact]
    public void The_mixture_finds_three_well_separated_modes_and_drops_the_rest()
    {
        var random = new Random(1);
        double[] centres = [-5, 0, 8];
        double[] shares = [0.5, 0.3, 0.2];
        var x = Enumerable.Range(0, 6000).Select(i =>
        {
            int k = i < 3000 ? 0 : i < 4800 ? 1 : 2;
            return centres[k] + 0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }).ToArray();

        var mixture = new VariationalGaussianMixture(10).Fit(x, new Random(7));
        var kept = Enumerable.Range(0, mixture.Weights.Length).Where(k => mixture.Weights[k] > 0.005).OrderBy(k => mixture.Means[k]).ToArray();
        output.WriteLine(string.Join("; ", kept.Select(k => $"w {mixture.Weights[k]:F3} μ {mixture.Means[k]:F2} σ {mixture.StandardDeviations[k]:F2}")) + $" ({mixture.Iterations} iterations)");

        Assert.Equal(3, kept.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.InRange(mixture.Means[kept[i]], centres[i] - 0.1, centres[i] + 0.1);
            // The covariance prior (the data's variance, weight 1) widens small components a little, as in scikit-learn.
            Assert.InRange(mixture.StandardDeviations[kept[i]], 0.45, 0.6);
            Assert.InRange(mixture.Weights[kept[i]], shares[i] - 0.02, shares[i] + 0.02);
        }
        Assert.True(mixture.Converged);
    }

    [Fact]
    public void Penguins_encode_and_decode_back_to_the_same_rows()
    {
        var (table, metadata) = BundledData.Load("penguins.csv");
        var baseTransform = TableTransform.Fit(table, metadata);
        float[] baseRows = baseTransform.Transform(table);
        int rows = (int)table.Rows.Count;
        var layout = ModeSpecificNormalizer.Fit(baseTransform, baseRows, rows, 10, 0.005, seed: 3);
        foreach (var s in layout.Segments.Where(s => s.Kind == ModeSpecificNormalizer.SegmentKind.Value))
            output.WriteLine($"{s.Column}: {s.Modes} modes, μ [{string.Join(", ", s.Means!.Select(m => m.ToString("F3")))}], σ [{string.Join(", ", s.Deviations!.Select(m => m.ToString("F3")))}]");

        float[] encoded = layout.Encode(baseRows, rows, seed: 3);
        AssertSameRows(table, baseTransform.Reverse(layout.Decode(encoded, rows), rows));
        Assert.Equal(layout.Width, layout.Spans.Sum(s => s.Width));
        var restored = ModeSpecificNormalizer.FromJson(layout.ToJson());
        AssertSameRows(table, baseTransform.Reverse(restored.Decode(encoded, rows), rows));
    }

    [Fact]
    public void A_column_of_few_values_decodes_onto_them_and_a_column_of_many_does_not()
    {
        // 2,000 rows: "hours" takes 12 values (0.6% of the rows: snapped), "weight" is continuous (not).
        var random = new Random(5);
        int[] hours = [10, 20, 25, 30, 35, 38, 40, 45, 50, 55, 60, 70];
        var table = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("hours", Enumerable.Range(0, 2000).Select(_ => (double?)hours[random.Next(hours.Length)])),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("weight", Enumerable.Range(0, 2000).Select(_ => (double?)(50 + 30 * random.NextDouble()))));
        var metadata = SynthCore.Data.TableMetadata.Detect(table);
        var baseTransform = TableTransform.Fit(table, metadata);
        float[] baseRows = baseTransform.Transform(table);
        var layout = ModeSpecificNormalizer.Fit(baseTransform, baseRows, 2000, 10, 0.005, seed: 3);
        var hoursSegment = layout.Segments.Single(s => s.Column == "hours" && s.Kind == ModeSpecificNormalizer.SegmentKind.Value);
        Assert.Equal(hours.Length, hoursSegment.Support!.Length);
        Assert.Null(layout.Segments.Single(s => s.Column == "weight" && s.Kind == ModeSpecificNormalizer.SegmentKind.Value).Support);

        // Any generator output — here uniform scalars and random modes — decodes to an observed number of hours.
        var generated = new float[200 * layout.Width];
        foreach (var s in layout.Segments.Where(s => s.Kind == ModeSpecificNormalizer.SegmentKind.Value))
            for (int r = 0; r < 200; r++)
            {
                generated[r * layout.Width + s.Start] = (float)(2 * random.NextDouble() - 1);
                generated[r * layout.Width + s.Start + 1 + random.Next(s.Modes)] = 1;
            }
        var restored = ModeSpecificNormalizer.FromJson(layout.ToJson());
        var decoded = baseTransform.Reverse(restored.Decode(generated, 200), 200);
        Assert.All(FidelityChecks.Numbers(decoded["hours"]), x => Assert.Contains((int)Math.Round(x), hours));
        Assert.All(FidelityChecks.Numbers(decoded["hours"]), x => Assert.Equal(Math.Round(x), x, 1e-3));
        Assert.True(FidelityChecks.Numbers(decoded["weight"]).Distinct().Count() > 150);
    }

    /// <summary>Same categories and missing cells; numbers equal up to float rounding.</summary>
    private static void AssertSameRows(Microsoft.Data.Analysis.DataFrame expected, Microsoft.Data.Analysis.DataFrame actual)
    {
        for (int c = 0; c < expected.Columns.Count; c++)
            for (long r = 0; r < expected.Rows.Count; r++)
            {
                object? e = expected.Columns[c][r], a = actual.Columns[c][r];
                if (e is double x) Assert.Equal(x, Assert.IsType<double>(a), 1e-3);
                else Assert.Equal(e, a);
            }
    }
}
