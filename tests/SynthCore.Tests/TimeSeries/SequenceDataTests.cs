using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;

namespace SynthCore.Tests.TimeSeries;

public class SequenceDataTests
{
    private static (DataFrame, TableMetadata) Table(DateTime?[] dates, double?[] a, string[]? ids = null, string[]? labels = null)
    {
        var columns = new List<DataFrameColumn> { new PrimitiveDataFrameColumn<DateTime>("when", dates), new DoubleDataFrameColumn("a", a) };
        if (ids is not null) columns.Add(new StringDataFrameColumn("id", ids));
        if (labels is not null) columns.Add(new StringDataFrameColumn("label", labels));
        var table = new DataFrame(columns);
        return (table, TableMetadata.Detect(table));
    }

    private static DateTime?[] Days(int n, int gapAt = -1) =>
        Enumerable.Range(0, n).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i + (gapAt >= 0 && i >= gapAt ? 1 : 0))).ToArray();

    [Fact]
    public void Seattle_weather_orders_by_date_leaves_it_out_and_refuses_the_text_column_by_name()
    {
        var (table, metadata) = BundledData.Load("seattle-weather.csv");
        var e = Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata));
        Assert.Equal("weather", e.Column);

        var data = SequenceData.FromTable(table, metadata, new SequenceDataOptions { Features = ["precipitation", "temp_max", "temp_min", "wind"] });
        Assert.Equal("date", data.TimeColumn);
        Assert.Equal(["precipitation", "temp_max", "temp_min", "wind"], data.FeatureNames);
        int rows = (int)table.Rows.Count;
        Assert.Equal(rows - 24 + 1, data.WindowCount);
        var raw = data.RawWindows();
        Assert.Equal(12.8, raw[0][0][1]);
        Assert.Equal(10.6, raw[0][1][1]);
        Assert.Equal(raw[1][0], raw[0][1]);

        var scaled = data.ScaledWindows(seed: 1);
        Assert.Equal(data.WindowCount, scaled.Length);
        Assert.All(scaled.SelectMany(w => w).SelectMany(s => s), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(scaled, data.ScaledWindows(seed: 1));
        Assert.NotEqual(scaled[0], data.ScaledWindows(seed: 2)[0]);
        var back = data.Scaler.Unscale(data.Scaler.Scale(raw));
        for (int f = 0; f < 4; f++) Assert.Equal(raw[5][3][f], back[5][3][f], 5);
    }

    [Fact]
    public void Rows_are_put_in_time_order_stride_applies_and_ids_split_series()
    {
        var dates = Days(6).Reverse().ToArray();
        var (table, metadata) = Table(dates, [6, 5, 4, 3, 2, 1]);
        var data = SequenceData.FromTable(table, metadata, new SequenceDataOptions { SequenceLength = 3, Stride = 2 });
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.Series[0].Select(s => s[0]));
        Assert.Equal(2, data.WindowCount);
        Assert.Equal([3.0, 4, 5], data.RawWindows()[1].Select(s => s[0]));

        var twice = Days(4).Concat(Days(4)).ToArray();
        (table, metadata) = Table(twice, [1, 2, 3, 4, 10, 20, 30, 40], ids: ["x", "x", "x", "x", "y", "y", "y", "y"]);
        data = SequenceData.FromTable(table, metadata, new SequenceDataOptions { SequenceLength = 3, IdColumn = "id" });
        Assert.Equal(["x", "y"], data.SeriesKeys);
        Assert.Equal(4, data.WindowCount);
        Assert.DoesNotContain(data.RawWindows(), w => w.Select(s => s[0]).Contains(4) && w.Select(s => s[0]).Contains(10));
    }

    [Fact]
    public void Bad_series_get_errors_naming_the_column()
    {
        var (table, metadata) = Table(Days(5), [1, 2, 3, 4, 5]);
        var shortSeries = Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new SequenceDataOptions { SequenceLength = 6 }));
        Assert.Contains("fewer than the sequence length 6", shortSeries.Message);

        var missingTime = Days(5);
        missingTime[2] = null;
        (table, metadata) = Table(missingTime, [1, 2, 3, 4, 5]);
        Assert.Equal("when", Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 2 })).Column);

        (table, metadata) = Table(Days(5, gapAt: 3), [1, 2, 3, 4, 5]);
        var irregular = Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 2 }));
        Assert.Equal("when", irregular.Column);
        Assert.Contains("unevenly spaced", irregular.Message);
        Assert.Equal(4, SequenceData.FromTable(table, metadata, new() { SequenceLength = 2, AllowIrregular = true }).WindowCount);

        var repeated = Days(5);
        repeated[4] = repeated[3];
        (table, metadata) = Table(repeated, [1, 2, 3, 4, 5]);
        Assert.Contains("more than once", Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 2 })).Message);

        (table, metadata) = Table(Days(5), [1, 2, null, 4, 5]);
        Assert.Equal("a", Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 2 })).Column);

        (table, metadata) = Table(Days(5), [1, 2, 3, 4, 5], labels: ["p", "q", "p", "q", "p"]);
        Assert.Equal("label", Assert.Throws<SynthColumnException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 2 })).Column);
        Assert.Equal("seq-len", Assert.Throws<SynthOptionException>(() => SequenceData.FromTable(table, metadata, new() { SequenceLength = 1 })).Option);
    }

    [Fact]
    public void Long_table_has_sequence_id_step_then_features()
    {
        double[][][] sequences = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
        var table = SequenceTable.ToLong(sequences, ["x", "y"]);
        Assert.Equal(["sequence_id", "step", "x", "y"], table.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 1, 1], table.Columns["sequence_id"].Cast<int>());
        Assert.Equal([0, 1, 0, 1], table.Columns["step"].Cast<int>());
        Assert.Equal([2.0, 4, 6, 8], table.Columns["y"].Cast<double>());
    }

    [Fact]
    public void Sines_follow_the_papers_formula_and_the_seed()
    {
        var sines = SinesData.Generate(2000, 24, 5, seed: 3);
        Assert.Equal((2000, 24, 5), (sines.Length, sines[0].Length, sines[0][0].Length));
        Assert.Equal(sines, SinesData.Generate(2000, 24, 5, seed: 3));
        var all = sines.SelectMany(s => s).SelectMany(x => x).ToArray();
        Assert.InRange(all.Min(), -1.0, -0.99);
        Assert.InRange(all.Max(), 0.99, 1.0);
        // The min and max of 240,000 sines are ±1 within 0.01 by construction; the mean is a statistic.
        SynthCore.Tests.Sweeps.StatisticalCheck.AssertAll(SinesChecks.Mean(seed: 3));
        // Each feature is one sinusoid: x(t+1) + x(t−1) = 2 cos(2πf) x(t) with |2 cos(2πf)| ≤ 2.
        var s0 = sines[0].Select(step => step[0]).ToArray();
        double c = (s0[2] + s0[0]) / s0[1];
        for (int t = 1; t < 23; t++) Assert.Equal(c * s0[t], s0[t + 1] + s0[t - 1], 9);

        var reference = SinesData.Generate(500, 24, 5, seed: 3, SinesVariant.ReferenceCode).SelectMany(s => s).SelectMany(x => x).ToArray();
        // (sin(f t + θ) + 1) / 2 with f t + θ in [0, 2.4]: from 0.5 up to 1 and back to about 0.84.
        Assert.InRange(reference.Min(), 0.5, 0.501);
        Assert.InRange(reference.Max(), 0.999, 1.0);
    }
}
