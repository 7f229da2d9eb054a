using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.Data;

public sealed class RowReservoirTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static long[] Draw(int seed, int keep, long rows)
    {
        var reservoir = new RowReservoir(keep, new RandomStreams(seed));
        for (long r = 0; r < rows; r++) reservoir.Offer();
        return reservoir.Kept();
    }

    [Fact]
    public void The_same_seed_keeps_the_same_rows_and_another_seed_others()
    {
        Assert.Equal(Draw(7, 100, 10_000), Draw(7, 100, 10_000));
        Assert.NotEqual(Draw(7, 100, 10_000), Draw(8, 100, 10_000));
        Assert.Equal(100, Draw(7, 100, 10_000).Distinct().Count());
        Assert.Equal([0L, 1, 2], Draw(7, 100, 3));
    }

    [Fact]
    public void Rows_are_kept_uniformly_at_a_fixed_seed() => StatisticalCheck.AssertAll(RowReservoirChecks.Measure(42));

    // SYNTH_SEED_SWEEP=1-20: ranges in RowReservoirChecks.
    [SeedSweepFact]
    public void Rows_are_kept_uniformly_at_every_seed() => SeedSweep.Run(RowReservoirChecks.Measure, output.WriteLine);

    /// <summary>2,000 rows: a category on one row only (row 1,500), an extreme value on another (row 1,700), and missing incomes.</summary>
    private string RareCsv()
    {
        var lines = new List<string> { "city,income,member" };
        for (int r = 0; r < 2000; r++)
        {
            string city = r == 1500 ? "Reykjavik" : (r % 2 == 0 ? "Paris" : "Lyon");
            string income = r == 1700 ? "1000000" : r % 10 == 0 ? "" : (100 + r % 50).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"{city},{income},{(r % 3 == 0 ? "yes" : "no")}");
        }
        return dir.Write("rare.csv", string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void A_csv_sample_keeps_a_rare_category_and_the_true_bounds_from_outside_it()
    {
        string path = RareCsv();
        var sample = FitRowsSample.ReadCsv(path, 20, new RandomStreams(3));

        Assert.Equal(2000, sample.TotalRows);
        Assert.Equal(20, sample.SampledRows);
        var cities = sample.Table.Columns["city"].Cast<string>().ToArray();
        Assert.Contains("Reykjavik", cities);
        var incomes = (DoubleDataFrameColumn)sample.Table.Columns["income"];
        Assert.Equal(1_000_000.0, Convert.ToDouble(incomes.Max()));
        Assert.Equal(101.0, Convert.ToDouble(incomes.Min()));
        Assert.Equal(sample.SampledRows + sample.AddedRows, sample.Table.Rows.Count);
        // Reykjavik (row 1,500), the income bounds (rows 1 and 1,700), and row 0: at this seed no sampled row is a member (yes).
        Assert.Equal(4, sample.AddedRows);
        Assert.Contains(true, sample.Table.Columns["member"].Cast<object>());
        var income = sample.Statistics.Single(s => s.Name == "income");
        Assert.Equal(199, income.Missing); // every tenth row but row 1,700
        Assert.Equal((101.0, 1_000_000.0), income.Range);
        Assert.Contains("a seeded sample of 20 of 2,000 rows (+", sample.Describe());
        Assert.IsType<BooleanDataFrameColumn>(sample.Table.Columns["member"]);
    }

    [Fact]
    public void A_csv_sample_is_reproducible_and_the_same_as_the_in_memory_sample()
    {
        string path = RareCsv();
        var a = FitRowsSample.ReadCsv(path, 50, new RandomStreams(9));
        var b = FitRowsSample.ReadCsv(path, 50, new RandomStreams(9));
        var inMemory = FitRowsSample.Of(CsvTable.Read(path), 50, new RandomStreams(9));

        string Text(DataFrame t) { var w = new StringWriter(); CsvTable.Write(t, w); return w.ToString(); }
        Assert.Equal(Text(a.Table), Text(b.Table));
        Assert.Equal(Text(a.Table), Text(inMemory.Table));
    }

    [Fact]
    public void A_parquet_sample_read_by_row_groups_is_the_in_memory_sample_and_keeps_the_rare_category()
    {
        var whole = CsvTable.Read(RareCsv());
        string path = dir.PathOf("rare.parquet");
        using (var writer = ParquetTable.CreateWriter(path))
        {
            // Four row groups of 500 rows.
            for (int g = 0; g < 4; g++) writer.Append(whole[Enumerable.Range(g * 500, 500).Select(r => (long)r)]);
            writer.Commit();
        }

        var streamed = FitRowsSample.ReadParquet(path, 30, new RandomStreams(5));
        var inMemory = FitRowsSample.Of(ParquetTable.Read(path), 30, new RandomStreams(5));

        string Text(DataFrame t) { var w = new StringWriter(); CsvTable.Write(t, w); return w.ToString(); }
        Assert.Equal(Text(inMemory.Table), Text(streamed.Table));
        Assert.Equal(2000, streamed.TotalRows);
        Assert.Contains("Reykjavik", streamed.Table.Columns["city"].Cast<string>());
        Assert.Equal(1_000_000.0, Convert.ToDouble(streamed.Table.Columns["income"].Max()));
    }
}
