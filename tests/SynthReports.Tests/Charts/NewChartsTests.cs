using Microsoft.Data.Analysis;
using SynthCore;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Evaluation.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Tvae;
using SynthReports.Charts;

namespace SynthReports.Tests.Charts;

public sealed class NewChartsTests
{
    [Fact]
    public void Qq_plot_puts_equal_distributions_on_the_diagonal_and_a_shift_above_it()
    {
        object?[] real = Enumerable.Range(0, 200).Select(i => (object?)(double)i).Append(null).ToArray();
        object?[] shifted = Enumerable.Range(0, 200).Select(i => (object?)(i + 5.0)).ToArray();
        var chart = QqChart.Build("x", real, shifted);
        var traces = ChartTraces.Of(chart);
        Assert.Equal([QqChart.PointsName, QqChart.DiagonalName], ChartTraces.Names(chart));
        var x = ChartTraces.Numbers(traces[0]!["x"]);
        var y = ChartTraces.Numbers(traces[0]!["y"]);
        Assert.Equal(QqChart.MaxQuantiles, x.Length);
        Assert.All(x.Zip(y), p => Assert.Equal(5.0, p.Second - p.First, 6));
        // The diagonal spans both tables' range.
        Assert.Equal([0.0, 204.0], ChartTraces.Numbers(traces[1]!["x"]));
        Assert.Equal([0.0, 204.0], ChartTraces.Numbers(traces[1]!["y"]));

        var (same, again) = QqChart.Quantiles([1, 2, 3, 4], [1, 2, 3, 4]);
        Assert.Equal(same, again);
        Assert.Throws<SynthColumnException>(() => QqChart.Build("x", real, [null, "a"]));
    }

    [Fact]
    public void Pair_plot_is_one_splom_trace_per_table_thinned_to_the_cap()
    {
        var real = Table(2500, 1);
        var synthetic = Table(300, 2);
        var chart = PairPlot.Build(["a", "b", "c"], real, synthetic);
        var traces = ChartTraces.Of(chart);
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.Equal("splom", (string)t!["type"]!));
        Assert.Equal(["real (every 3th row)", "synthetic"], ChartTraces.Names(chart));
        var dimensions = traces[0]!["dimensions"]!.AsArray();
        Assert.Equal(["a", "b", "c"], dimensions.Select(d => (string)d!["label"]!));
        Assert.Equal(834, dimensions[0]!["values"]!.AsArray().Count);
        Assert.Equal(300, traces[1]!["dimensions"]![0]!["values"]!.AsArray().Count);
        Assert.Throws<SynthOptionException>(() => PairPlot.Build(["a"], real, synthetic));
    }

    [Fact]
    public void Pair_plot_of_two_columns_is_one_scatter_per_table()
    {
        var real = Table(2500, 1);
        var synthetic = Table(300, 2);
        var chart = PairPlot.Build(["a", "c"], real, synthetic);
        var traces = ChartTraces.Of(chart);
        Assert.All(traces, t => Assert.Equal("scatter", (string)t!["type"]!));
        Assert.Equal(["real (every 3th row)", "synthetic"], ChartTraces.Names(chart));
        Assert.Equal(834, ChartTraces.Numbers(traces[0]!["x"]).Length);
        Assert.Equal(300, ChartTraces.Numbers(traces[1]!["y"]).Length);
        var layout = System.Text.Json.Nodes.JsonNode.Parse(chart.ToJson())!["layout"]!;
        Assert.Equal(("a", "c"), ((string)layout["xaxis"]!["title"]!["text"]!, (string)layout["yaxis"]!["title"]!["text"]!));
    }

    [Fact]
    public void Sequence_chart_draws_a_few_spread_real_and_synthetic_sequences_per_feature()
    {
        var real = Sequences(40, 6, offset: 0);
        var synthetic = Sequences(10, 6, offset: 100);
        var charts = SequenceComparisonChart.Build(real, synthetic, ["u", "v"], sequences: 3);
        Assert.Equal(2, charts.Count);
        var traces = ChartTraces.Of(charts[1]);
        Assert.Equal(["real #0", "real #13", "real #26", "synthetic #0", "synthetic #3", "synthetic #6"], ChartTraces.Names(charts[1]));
        // Feature v of real window 13: 13 * 10 + step + 0.5.
        Assert.Equal([130.5, 131.5, 132.5, 133.5, 134.5, 135.5], ChartTraces.Numbers(traces[1]!["y"]));
        Assert.Equal([true, false, false, true, false, false], traces.Select(t => (bool)t!["showlegend"]!));
    }

    [Fact]
    public void Window_embedding_flattens_scaled_windows_and_fits_pca_on_the_real_ones()
    {
        var real = Sequences(30, 4, offset: 0);
        var scaler = MinMaxScaler.Fit(real, 2);
        var flat = SequenceWindowEmbedding.Flatten(real, scaler);
        Assert.Equal(30, flat.RowCount);
        Assert.Equal(8, flat.ColumnCount);
        Assert.Equal(scaler.Scale(real[7][2][1], 1), flat[7, 2 * 2 + 1], 6);

        var pca = SequenceWindowEmbedding.Pca(real, real, ["u", "v"]);
        Assert.Equal(pca.Real.Select(p => p[0]), pca.Synthetic.Select(p => p[0]));
        Assert.Equal(0.0, pca.Real.Average(p => p[0]), 9);
        Assert.Equal("u[t=0]", pca.Features[0]);
        Assert.Throws<SynthException>(() => SequenceWindowEmbedding.Pca(real, Sequences(3, 5, 0), ["u", "v"]));

        var tsne = SequenceWindowEmbedding.TSne(real, Sequences(10, 4, 50), ["u", "v"], new() { Iterations = 250, Perplexity = 5 });
        Assert.Equal(40, tsne.Points.Count);
        Assert.Equal(30, tsne.Source.Count(s => s == "real"));
    }

    [Fact]
    public void Long_sequence_tables_read_back_in_step_order()
    {
        var sequences = Sequences(3, 4, 0);
        var table = SequenceTable.ToLong(sequences, ["u", "v"]);
        Assert.True(SequenceTable.IsLong(table));
        var (back, features) = SequenceTable.FromLong(table);
        Assert.Equal(["u", "v"], features);
        Assert.Equal(sequences, back);

        // Rows out of order come back ordered by step.
        var reversed = table.Filter(new PrimitiveDataFrameColumn<bool>("all", Enumerable.Repeat(true, 12)));
        var order = new PrimitiveDataFrameColumn<long>("order", Enumerable.Range(0, 12).Reverse().Select(i => (long)i));
        var (again, _) = SequenceTable.FromLong(reversed[order], ["v"]);
        Assert.Equal(sequences.Reverse().Select(s => s.Select(step => new[] { step[1] }).ToArray()), again);

        Assert.Throws<SynthColumnException>(() => SequenceTable.FromLong(Table(5, 1)));
        Assert.Throws<SynthColumnException>(() => SequenceTable.FromLong(table, ["w"]));
    }

    [Fact]
    public void Latent_plot_puts_real_and_synthetic_codes_on_the_real_codes_components()
    {
        var table = Table(120, 3);
        var model = (FittedTvae)SynthesizerRegistry.Default.Create("tvae", new SynthesizerSettings { Epochs = 2, Seed = 5 })
            .Fit(table, TableMetadata.Detect(table));
        var synthetic = model.Sample(50);
        var points = LatentSpaceChart.Points(model, table, synthetic);
        Assert.Equal(120, points.Real.Length);
        Assert.Equal(50, points.Synthetic.Length);
        // Principal components of the real codes: the real points are centred, the first axis has the most variance.
        Assert.Equal(0.0, points.Real.Average(p => p[0]), 4);
        Assert.True(Variance(points.Real.Select(p => p[0])) >= Variance(points.Real.Select(p => p[1])));
        Assert.StartsWith("latent PC1", points.XAxis);

        var chart = LatentSpaceChart.Build(points, "tvae");
        Assert.Equal(["real", "synthetic"], ChartTraces.Names(chart));
        Assert.Equal(50, ChartTraces.Of(chart)[1]!["x"]!.AsArray().Count);
        model.Dispose();
    }

    private static double Variance(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean));
    }

    private static DataFrame Table(int rows, int seed)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        return new DataFrame(
            new DoubleDataFrameColumn("a", a),
            new DoubleDataFrameColumn("b", a.Select(x => 2 * x + random.NextDouble())),
            new DoubleDataFrameColumn("c", a.Select(_ => random.NextDouble())));
    }

    /// <summary>Sequence i, step t: u = offset + i + t, v = offset + 10 i + t + 0.5.</summary>
    private static double[][][] Sequences(int count, int steps, double offset) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Range(0, steps).Select(t => new[] { offset + i + t, offset + 10 * i + t + 0.5 }).ToArray()).ToArray();
}
