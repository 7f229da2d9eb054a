using System.Diagnostics;
using Microsoft.Data.Analysis;
using SynthCore.Data;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Transforms;
using TorchSharp;
using static SynthCore.Tests.Neural.ColumnStatistics;

namespace SynthCore.Tests.Neural;

/// <summary>
/// CTGAN's divergence handling: a NaN planted in the encoded rows makes the critic's loss NaN the
/// first time training-by-sampling draws that row (seeded, so always in the same epoch), which is
/// how a real divergence reaches the losses.
/// </summary>
public sealed class CtganDivergenceTests
{
    private static readonly (DataFrame Table, TableMetadata Metadata) Screentime = BundledData.Load("screentime.csv");

    private static readonly CtganOptions Options = new()
    {
        Epochs = 20, BatchSize = 20, Pac = 2, EmbeddingDim = 16, GeneratorDims = [32], DiscriminatorDims = [32], Seed = 11,
    };

    /// <summary>FitCtgan's pipeline with the encoded rows at <paramref name="poisoned"/> given a NaN first feature.</summary>
    private static FittedCtgan Train(CtganOptions options, IReadOnlyCollection<int> poisoned)
    {
        SynthCore.Native.TorchNativeLoader.EnsureLoaded();
        var baseTransform = TableTransform.Fit(Screentime.Table, Screentime.Metadata, new TableTransformOptions
        {
            Numeric = NumericScaling.MinMax, Categorical = CategoricalEncoding.OneHot, ClipToObservedRange = true,
        });
        int rows = (int)Screentime.Table.Rows.Count;
        float[] baseRows = baseTransform.Transform(Screentime.Table);
        var layout = ModeSpecificNormalizer.Fit(baseTransform, baseRows, rows, options.MaxModes, options.ModeWeightThreshold, options.Seed);
        float[] data = layout.Encode(baseRows, rows, options.Seed);
        var (counts, categoryOfRow) = CtganSynthesizer.CategoryCounts(layout, data, rows);
        foreach (int r in poisoned) data[r * layout.Width] = float.NaN;
        using var random = new torch.Generator((ulong)options.Seed, torch.CPU);
        var sampler = new ConditionalVectorSampler(counts, categoryOfRow, random, torch.CPU, options.LogFrequency);
        var generator = CtganTrainer.Train(data, rows, layout, sampler, options, random, null, default, Stopwatch.StartNew(),
            kept => new FittedCtgan(options, layout, counts, kept, rows));
        return new FittedCtgan(options, layout, counts, generator, rows);
    }

    [Fact]
    public void A_later_divergence_hands_back_the_model_of_the_last_clean_epoch()
    {
        var e = Assert.Throws<TrainingDivergedException>(() => Train(Options, [0]));

        Assert.InRange(e.Step, 2, Options.Epochs);
        Assert.Contains($"CTGAN training diverged in epoch {e.Step} of {Options.Epochs}", e.Message);
        Assert.Contains($"the model as of epoch {e.Step - 1} is kept", e.Message);
        using var kept = Assert.IsType<FittedCtgan>(e.LastGood);

        var rows = kept.Sample(300, seed: 1);
        Assert.Equal(300, rows.Rows.Count);
        var apps = Shares(Screentime.Table, "App").Keys.ToHashSet();
        Assert.All(((StringDataFrameColumn)rows["App"]).ToArray(), app => Assert.Contains(app, apps));
        foreach (var column in new[] { "Usage (minutes)", "Notifications", "Times Opened" })
        {
            double[] real = Numbers(Screentime.Table, column);
            Assert.All(Numbers(rows, column), v => Assert.InRange(v, real.Min(), real.Max()));
        }

        // Training stopped just before the bad epoch gives the very same model: the snapshot is exact.
        using var clean = Train(Options with { Epochs = e.Step - 1 }, [0]);
        Assert.Equal(CtganTests.Csv(clean.Sample(300, seed: 1)), CtganTests.Csv(rows));
    }

    [Fact]
    public void A_divergence_in_the_first_epoch_has_nothing_to_keep_and_says_so()
    {
        var e = Assert.Throws<TrainingDivergedException>(() => Train(Options, Enumerable.Range(0, 200).Where(r => r % 2 == 0).ToArray()));

        Assert.Equal(1, e.Step);
        Assert.Contains("diverged in epoch 1 of 20", e.Message);
        Assert.Contains("no epoch ended with finite losses, so there is no model to keep", e.Message);
        Assert.Null(e.LastGood);
    }
}
