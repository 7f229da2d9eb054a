using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;
using SynthCore.Tests.Sweeps;
using Xunit.Abstractions;

namespace SynthCore.Tests.TimeSeries;

/// <summary>The ARIMA, AR(1) and block-bootstrap sequence synthesizers on a daily table with two features.</summary>
public class SequenceSynthesizerTests(ITestOutputHelper output)
{
    private static (DataFrame Table, TableMetadata Metadata) Daily() => SequenceSynthesizerChecks.Daily();

    private void AssertAll(IReadOnlyList<StatisticalCheck> checks)
    {
        foreach (var check in checks) output.WriteLine(check.ToString());
        StatisticalCheck.AssertAll(checks);
    }

    private static double[] Feature(double[][][] sequences, int f) => sequences.SelectMany(s => s.Select(step => step[f])).ToArray();

    [Fact]
    public void Arima_sequences_keep_each_features_mean_spread_and_autocorrelation()
    {
        AssertAll(SequenceSynthesizerChecks.Arima(levelSeed: 11, noiseSeed: 12, fitSeed: 42, sampleSeed: null));
        var model = SequenceSynthesizerChecks.FitArima(Daily());
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

        AssertAll(SequenceSynthesizerChecks.BlockBootstrap(levelSeed: 11, noiseSeed: 12, sampleSeed: 5));
        Assert.Equal(synthetic, model.SampleSequences(200, seed: 5));
        Assert.Equal("block-length", Assert.Throws<SynthOptionException>(() => new BlockBootstrapSynthesizer(new BlockBootstrapOptions { BlockLength = 30 })).Option);
    }
}
