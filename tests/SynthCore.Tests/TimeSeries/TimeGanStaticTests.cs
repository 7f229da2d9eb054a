using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Data.Sequences;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Sequential;

namespace SynthCore.Tests.TimeSeries;

/// <summary>TimeGAN with static (per-entity) features: options, sampling, save / load, and the static-to-sequence relation.</summary>
public class TimeGanStaticTests
{
    /// <summary>
    /// <paramref name="entities"/> patients, half in group A (pulse around 10) and half in group B (around 20), each with an
    /// age constant over their <paramref name="steps"/> rows and a small AR(1) wobble around the group's level.
    /// </summary>
    internal static (DataFrame Table, TableMetadata Metadata) Groups(int entities, int steps, int seed)
    {
        var random = new Random(seed);
        var ids = new List<string>();
        var groups = new List<string>();
        var ages = new List<double>();
        var pulse = new List<double>();
        for (int e = 0; e < entities; e++)
        {
            string group = e % 2 == 0 ? "A" : "B";
            double level = group == "A" ? 10 : 20, age = 20 + random.Next(50), wobble = 0;
            for (int t = 0; t < steps; t++)
            {
                wobble = 0.7 * wobble + random.NextDouble() - 0.5;
                ids.Add($"p{e}");
                groups.Add(group);
                ages.Add(age);
                pulse.Add(level + 2 * wobble);
            }
        }
        var table = new DataFrame(new StringDataFrameColumn("patient", ids), new StringDataFrameColumn("group", groups),
            new DoubleDataFrameColumn("age", ages), new DoubleDataFrameColumn("pulse", pulse));
        return (table, TableMetadata.Detect(table, new Dictionary<string, ColumnKind> { ["group"] = ColumnKind.Categorical }));
    }

    internal static TimeGanOptions Options(int iterations, int seed) => new()
    {
        HiddenDim = 6, Layers = 1, Iterations = iterations, BatchSize = 32, Seed = seed, LearningRate = 5e-3,
        Data = new SequenceDataOptions { SequenceLength = 6, IdColumn = "patient", Static = ["group", "age"] },
    };

    [Fact]
    public void Static_options_are_checked_and_named()
    {
        var (table, metadata) = Groups(4, 8, seed: 1);
        var noId = Assert.Throws<SynthOptionException>(() =>
            new TimeGanSynthesizer(Options(2, 1) with { Data = new SequenceDataOptions { SequenceLength = 6, Static = ["group"] } }));
        Assert.Equal("static", noId.Option);

        var both = Assert.Throws<SynthColumnException>(() => new TimeGanSynthesizer(Options(2, 1) with
        {
            Data = new SequenceDataOptions { SequenceLength = 6, IdColumn = "patient", Static = ["group"], Features = ["pulse", "group"] },
        }).Fit(table, metadata));
        Assert.Equal("group", both.Column);

        // pulse changes within every patient.
        var varies = Assert.Throws<SynthColumnException>(() => new TimeGanSynthesizer(Options(2, 1) with
        {
            Data = new SequenceDataOptions { SequenceLength = 6, IdColumn = "patient", Static = ["pulse"], Features = ["age"] },
        }).Fit(table, metadata));
        Assert.Equal("pulse", varies.Column);
        Assert.Contains("entity 'p0'", varies.Message);

        var data = new SequenceDataOptions { SequenceLength = 6, IdColumn = "patient", Static = ["group"] };
        foreach (ISynthesizer other in new ISynthesizer[] { new ArimaSynthesizer(new ArimaOptions { Data = data }), new BlockBootstrapSynthesizer(new BlockBootstrapOptions { Data = data }) })
            Assert.Equal("static", Assert.Throws<SynthOptionException>(() => other.Fit(table, metadata)).Option);
    }

    [Fact]
    public void Samples_carry_static_columns_constant_within_each_sequence_reproducibly_and_through_save_and_load()
    {
        var (table, metadata) = Groups(8, 12, seed: 2);
        using var model = Assert.IsType<FittedTimeGan>(new TimeGanSynthesizer(Options(5, 3)).Fit(table, metadata));
        Assert.Equal(["group", "age"], model.Static!.Columns.Select(c => c.Name));
        Assert.Equal(["pulse"], model.FeatureNames);

        var sample = model.Sample(20, seed: 4);
        Assert.Equal(["sequence_id", "step", "pulse", "group", "age"], sample.Columns.Select(c => c.Name));
        Assert.Equal(120, sample.Rows.Count);
        for (int s = 0; s < 20; s++)
        {
            var rows = Enumerable.Range(s * 6, 6).ToArray();
            Assert.Single(rows.Select(r => sample.Columns["group"][r]).Distinct());
            Assert.Single(rows.Select(r => sample.Columns["age"][r]).Distinct());
            Assert.Contains((string)sample.Columns["group"][rows[0]], new[] { "A", "B" });
            Assert.InRange((double)sample.Columns["age"][rows[0]], model.Static.Columns[1].Min, model.Static.Columns[1].Max);
        }

        using var again = Assert.IsType<FittedTimeGan>(new TimeGanSynthesizer(Options(5, 3)).Fit(table, metadata));
        var (sequences, statics) = model.SampleWithStatic(10, seed: 5);
        Assert.Equal(sequences, again.SampleWithStatic(10, seed: 5).Sequences);
        Assert.Equal(statics, again.SampleWithStatic(10, seed: 5).Static);
        Assert.Equal(sequences, model.SampleSequences(10, seed: 5));

        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        using var loaded = Assert.IsType<FittedTimeGan>(SynthesizerRegistry.Default.Load(file, model.Metadata));
        Assert.Equal(model.Static.Columns.Select(c => (c.Name, c.Kind, c.Min, c.Max, string.Join(",", c.Categories))),
            loaded.Static!.Columns.Select(c => (c.Name, c.Kind, c.Min, c.Max, string.Join(",", c.Categories))));
        Assert.Equal(sequences, loaded.SampleWithStatic(10, seed: 5).Sequences);
        Assert.Equal(statics, loaded.SampleWithStatic(10, seed: 5).Static);
        Assert.Equal(["group", "age"], loaded.DataOptions.Static);
    }
}
