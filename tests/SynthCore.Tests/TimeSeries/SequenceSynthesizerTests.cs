using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.TimeSeries;

namespace SynthCore.Tests.TimeSeries;

/// <summary>The ARIMA, AR(1) and block-bootstrap sequence synthesizers on a daily table with two features.</summary>
public class SequenceSynthesizerTests
{
    /// <summary>800 days: "level" an AR(1) with φ = 0.8 around 20; "noise" white noise plus 0.5·level (so the two correlate).</summary>
    private static (DataFrame Table, TableMetadata Metadata) Daily()
    {
        var ar = new ArimaModel(new ArimaOrder(1, 0, 0), [0.8], [], [], [], 20, 1, 0, 0, 0).Simulate(800, new Random(11));
        var random = new Random(12);
        var noise = ar.Select(x => 0.5 * x + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
        var dates = Enumerable.Range(0, 800).Select(i => new DateTime(2020, 1, 1).AddDays(i)).Reverse().ToArray();
        var table = new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("day", dates),
            new DoubleDataFrameColumn("level", ar.Reverse()),
            new DoubleDataFrameColumn("noise", noise.Reverse()));
        return (table, TableMetadata.Detect(table));
    }

    private static double[] Feature(double[][][] sequences, int f) => sequences.SelectMany(s => s.Select(step => step[f])).ToArray();

    [Fact]
    public void Arima_sequences_keep_each_features_mean_spread_and_autocorrelation()
    {
        var (table, metadata) = Daily();
        var model = (FittedArima)SynthesizerRegistry.Default.Create("arima", new SynthesizerSettings
        {
            Extra = new Dictionary<string, string> { ["seq-len"] = "20", ["period"] = "0" },
        }).Fit(table, metadata);
        Assert.Equal(new ArimaOrder(1, 0, 0), model.Models[0].Order);
        Assert.InRange(model.Models[0].Ar[0], 0.72, 0.88);

        var real = SequenceData.FromTable(table, metadata, model.DataOptions).RawWindows();
        var synthetic = model.SampleSequences(400);
        Assert.Equal((400, 20, 2), (synthetic.Length, synthetic[0].Length, synthetic[0][0].Length));
        var comparison = SequenceComparison.Compare(real, synthetic, model.FeatureNames);
        var level = comparison.Features[0];
        Assert.InRange(level.SyntheticMean - level.RealMean, -0.3, 0.3);
        Assert.InRange(level.SyntheticStd / level.RealStd, 0.85, 1.15);
        Assert.InRange(level.SyntheticAcf[0] - level.RealAcf[0], -0.08, 0.08);
        Assert.InRange(level.SyntheticMin, level.RealMin, level.RealMax);
        Assert.InRange(level.SyntheticMax, level.RealMin, level.RealMax);

        var sample = model.Sample(3, seed: 4);
        Assert.Equal(["sequence_id", "step", "level", "noise"], sample.Columns.Select(c => c.Name));
        Assert.Equal(60, sample.Rows.Count);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = Assert.IsAssignableFrom<IFittedSequenceSynthesizer>(SynthesizerRegistry.Default.Load(file));
        Assert.Equal(model.SampleSequences(5, 9), loaded.SampleSequences(5, 9));
    }

    [Fact]
    public void Ar1_has_a_fixed_order_and_statistical_models_refuse_training_options()
    {
        var (table, metadata) = Daily();
        var ar1 = (FittedArima)SynthesizerRegistry.Default.Create("ar1", new SynthesizerSettings()).Fit(table, metadata);
        Assert.All(ar1.Models, m => Assert.Equal(new ArimaOrder(1, 0, 0), m.Order));
        Assert.Equal("ar1", ar1.ModelName);
        Assert.Equal(24, ar1.SequenceLength);

        Assert.Equal("--epochs", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("arima", new SynthesizerSettings { Epochs = 3 })).Option);
        Assert.Equal("max-p", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("ar1",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["max-p"] = "1" } })).Option);
        Assert.Equal("order", Assert.Throws<SynthOptionException>(() => SynthesizerRegistry.Default.Create("arima",
            new SynthesizerSettings { Extra = new Dictionary<string, string> { ["order"] = "1,0" } })).Option);
    }

    [Fact]
    public void Block_bootstrap_sequences_are_runs_of_real_blocks_and_keep_the_cross_correlation()
    {
        var (table, metadata) = Daily();
        var model = (FittedBlockBootstrap)SynthesizerRegistry.Default.Create("block-bootstrap", new SynthesizerSettings
        {
            Extra = new Dictionary<string, string> { ["seq-len"] = "12", ["block-length"] = "4" },
        }).Fit(table, metadata);
        var series = SequenceData.FromTable(table, metadata, model.DataOptions).Series[0];
        var starts = Enumerable.Range(0, series.Length - 3).ToLookup(t => series[t][0]);
        var synthetic = model.SampleSequences(200, seed: 5);
        foreach (var s in synthetic)
            for (int b = 0; b < 12; b += 4)
                Assert.Contains(starts[s[b][0]], t => Enumerable.Range(0, 4).All(i => series[t + i].SequenceEqual(s[b + i])));

        var real = SequenceData.FromTable(table, metadata, model.DataOptions).RawWindows();
        var comparison = SequenceComparison.Compare(real, synthetic, model.FeatureNames);
        Assert.InRange(comparison.CrossCorrelationMeanAbsoluteDifference, 0, 0.1);
        Assert.Equal(synthetic, model.SampleSequences(200, seed: 5));
        Assert.Equal("block-length", Assert.Throws<SynthOptionException>(() => new BlockBootstrapSynthesizer(new BlockBootstrapOptions { BlockLength = 30 })).Option);
    }
}
