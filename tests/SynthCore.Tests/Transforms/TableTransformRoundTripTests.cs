using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Transforms;

namespace SynthCore.Tests.Transforms;

public class TableTransformRoundTripTests
{
    public static TheoryData<NumericScaling, CategoricalEncoding> Options() => new()
    {
        { NumericScaling.MinMax, CategoricalEncoding.OneHot },
        { NumericScaling.MinMax, CategoricalEncoding.Label },
        { NumericScaling.Standard, CategoricalEncoding.OneHot },
        { NumericScaling.Standard, CategoricalEncoding.Label },
    };

    /// <summary>
    /// Reverse(Transform(x)) gives x back on 300 random tables: continuous values within 1e-6 of
    /// the column's range (the outputs are float32), and integers, dates, categories, booleans
    /// and nulls exactly; identifiers come back unique.
    /// </summary>
    [Theory]
    [MemberData(nameof(Options))]
    public void Reverse_of_transform_is_the_table(NumericScaling numeric, CategoricalEncoding categorical)
    {
        var rng = new Random(1234 + (int)numeric * 10 + (int)categorical);
        var options = new TableTransformOptions { Numeric = numeric, Categorical = categorical };
        for (int trial = 0; trial < 300; trial++)
        {
            var (table, metadata) = RandomTables.Create(rng);
            var transform = TableTransform.Fit(table, metadata, options);
            float[] data = transform.Transform(table);
            Assert.Equal(table.Rows.Count * transform.Width, data.Length);

            var back = transform.Reverse(data, (int)table.Rows.Count);

            Assert.Equal(table.Columns.Select(c => (c.Name, c.DataType)), back.Columns.Select(c => (c.Name, c.DataType)));
            Assert.Equal(table.Rows.Count, back.Rows.Count);
            foreach (var column in metadata.Columns)
                AssertColumnRoundTrips(column, table.Columns[column.Name], back.Columns[column.Name], trial);
        }
    }

    private static void AssertColumnRoundTrips(ColumnMetadata column, DataFrameColumn original, DataFrameColumn back, int trial)
    {
        if (column.Kind == ColumnKind.Identifier)
        {
            var ids = Enumerable.Range(0, (int)back.Length).Select(r => back[r]).ToArray();
            Assert.DoesNotContain(null, ids);
            Assert.Equal(ids.Length, ids.Distinct().Count());
            return;
        }
        double range = 0;
        if (column.Kind == ColumnKind.Continuous)
        {
            var xs = Enumerable.Range(0, (int)original.Length).Select(r => original[r]).OfType<double>().ToArray();
            range = Math.Max(xs.Max() - xs.Min(), 1e-300);
        }
        for (int r = 0; r < original.Length; r++)
        {
            object? expected = original[r], actual = back[r];
            if (column.Kind == ColumnKind.Continuous && expected is double x && actual is double y)
                Assert.True(Math.Abs(x - y) <= 1e-6 * range, $"trial {trial}, column {column.Name}, row {r}: {x} came back as {y} (range {range}).");
            else
                Assert.True(Equals(expected, actual), $"trial {trial}, column {column.Name}, row {r}: {expected ?? "null"} came back as {actual ?? "null"}.");
        }
    }

    [Fact]
    public void Round_trips_the_screen_time_seed_exactly()
    {
        var table = CsvTable.Read(Data.SeedData.ScreenTime);
        var metadata = TableMetadata.Detect(table);
        var transform = TableTransform.Fit(table, metadata);
        var back = transform.Reverse(transform.Transform(table), (int)table.Rows.Count);
        for (int c = 0; c < table.Columns.Count; c++)
            Assert.Equal(Enumerable.Range(0, 200).Select(r => table.Columns[c][r]), Enumerable.Range(0, 200).Select(r => back.Columns[c][r]));
    }
}
