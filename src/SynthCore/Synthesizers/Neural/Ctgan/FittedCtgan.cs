using SynthCore.Persistence;
using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Ctgan;

/// <summary>
/// A trained CTGAN: its generator, the CTGAN layout (mode mixtures over a base transform) and the
/// category counts the conditional vector is drawn from. Unconditional sampling draws conditional
/// vectors at the real frequencies, as CTGAN does. An equals / one-of condition on a categorical
/// column sets that category in the conditional vector (and in the row): no rejection. Other
/// conditions are met by rejection on top.
/// </summary>
public sealed class FittedCtgan : FittedNetwork<CtganOptions>, IPrivacyAccounted, IDisposable
{
    private const int ChunkRows = 4096;
    private const string PayloadTag = "ctgan-payload/2", FirstPayloadTag = "ctgan-payload/1";

    private readonly CtganGenerator generator;
    private readonly int[][] counts;
    private readonly ModeSpecificNormalizer.Segment[] categories;   // the conditional vector's columns
    private readonly int[] offsets;
    private readonly object?[][] categoryValues;

    internal FittedCtgan(CtganOptions options, ModeSpecificNormalizer layout, int[][] counts, CtganGenerator generator, int trainingRows)
        : base(options)
    {
        if (trainingRows < 1) throw new ArgumentOutOfRangeException(nameof(trainingRows), "A model is trained on at least one row.");
        TrainingRows = trainingRows;
        Layout = layout;
        this.counts = counts;
        this.generator = generator;
        categories = layout.Discrete.ToArray();
        if (counts.Length != categories.Length || counts.Zip(categories).Any(p => p.First.Length != p.Second.Width))
            throw new SynthException("The CTGAN model's category counts do not match its categorical columns.");
        offsets = new int[categories.Length];
        for (int c = 1; c < categories.Length; c++) offsets[c] = offsets[c - 1] + categories[c - 1].Width;
        categoryValues = categories.Select(s => s.Kind == ModeSpecificNormalizer.SegmentKind.Category ? CategoryValues(s) : []).ToArray();
    }

    public override string ModelName => CtganSynthesizer.Name;

    public override TableMetadata Metadata => Layout.Base.Metadata;


    /// <summary>
    /// Rows the networks were trained on: DP-SGD's sampling rate and critic updates follow from them. Not the metadata's row
    /// count, which counts the whole table when a holdout was split off before fitting. A model file of layout 1 did not keep
    /// it; such a model reports the metadata's count, as it did when saved.
    /// </summary>
    public int TrainingRows { get; }

    /// <summary>The data representation: base transform and per-column mode mixtures.</summary>
    public ModeSpecificNormalizer Layout { get; }

    /// <summary>
    /// The (ε, δ) of DP-SGD training (<see cref="CtganOptions.DpNoiseMultiplier"/>; RDP accountant over
    /// every critic update at Poisson rate batch / rows, plus the Gaussian release of the category
    /// counts), or null when trained without it. Covered: the generator's weights and the stored
    /// category counts. Not covered: the layout read from the raw data (numeric min / max, each
    /// numeric column's variational Gaussian mixture: modes, means, deviations, weights; category
    /// sets; which columns have missing values) and the row count. Recomputed from the saved options,
    /// so a loaded model reports it too.
    /// </summary>
    public (double Epsilon, double Delta)? DifferentialPrivacy =>
        Options.DpNoiseMultiplier is not null
            ? (CtganDpSgd.Epsilon(TrainingRows, Options, counts.Length), Options.DpDelta)
            : null;

    public string? PrivacyStatement => DifferentialPrivacy is { } dp
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the critic was trained with DP-SGD and the category counts released with Gaussian noise: (ε = {dp.Epsilon:G4}, δ = {dp.Delta:G2}) by the RDP accountant; the networks and category counts are covered, the column ranges, category sets and mode-specific normalisation (Gaussian mixtures fitted on the raw data) are not.")
        : null;

    /// <summary>The releases behind <see cref="DifferentialPrivacy"/>: the critic's noisy gradients and the category counts; null without DP-SGD.</summary>
    public PrivacyAccount? PrivacyAccount =>
        Options.DpNoiseMultiplier is double sigma
            ? Training.PrivacyAccount.DpSgd("DP-SGD gradients of the critic", CtganDpSgd.SamplingRate(TrainingRows, Options.BatchSize), sigma,
                Options.DpMaxGradNorm, CtganDpSgd.CriticUpdates(TrainingRows, Options), Options.DpDelta, Options.DpCountNoiseMultiplier, counts.Length)
            : null;

    /// <summary>Time the transformer fit took (mixtures and encoding); zero for a loaded model.</summary>
    public TimeSpan TransformFitTime { get; init; }

    /// <summary>Time the network training took; zero for a loaded model.</summary>
    public TimeSpan TrainingTime { get; init; }

    /// <summary>The value each one-hot code of a categorical segment stands for (reversing a row with only that code set).</summary>
    private object?[] CategoryValues(ModeSpecificNormalizer.Segment segment)
    {
        var baseTransform = Layout.Base;
        var rows = new float[segment.Width * baseTransform.Width];
        for (int k = 0; k < segment.Width; k++) rows[k * baseTransform.Width + segment.BaseStart + k] = 1;
        var column = baseTransform.Reverse(rows, segment.Width)[segment.Column];
        return Enumerable.Range(0, segment.Width).Select(k => column[k]).ToArray();
    }

    private protected override DataFrame Sample(int rows, SampleConditions? conditions, torch.Generator random)
    {
        generator.Randomness = random;
        var sampler = new ConditionalVectorSampler(counts, null, random, torch.CPU, Options.LogFrequency);
        try
        {
            var remaining = conditions?.All.ToList() ?? [];
            Fixed? category = null;
            var own = remaining.FirstOrDefault(c => c is EqualsCondition or OneOfCondition && categories.Any(s => s.Column == c.Column && s.Kind == ModeSpecificNormalizer.SegmentKind.Category));
            if (own is not null)
            {
                category = Restrict(own);
                remaining.Remove(own);
            }
            if (remaining.Count == 0) return Layout.Base.Reverse(Generate(rows, random, sampler, category), rows);
            return GeneratedRowFilter.Sample(Layout.Base, new SampleConditions(remaining), rows, count => Generate(count, random, sampler, category));
        }
        finally
        {
            generator.Randomness = null;
        }
    }

    /// <summary>A categorical column fixed by a condition: which segment, and the weights of its allowed categories.</summary>
    private sealed record Fixed(int Column, float[] Weights);

    private Fixed Restrict(ColumnCondition condition)
    {
        int c = Array.FindIndex(categories, s => s.Column == condition.Column && s.Kind == ModeSpecificNormalizer.SegmentKind.Category);
        var values = categoryValues[c];
        var allowed = values.Select(v => condition.IsMetBy(v)).ToArray();
        if (!allowed.Contains(true))
            throw new SynthColumnException(condition.Column,
                $"has no category meeting the condition; its categories are {string.Join(", ", values.Where(v => v is not null).Select(v => $"'{v}'"))}.");
        var weights = counts[c].Select((n, k) => allowed[k] ? (float)n : 0f).ToArray();
        if (weights.Sum() == 0) weights = allowed.Select(a => a ? 1f : 0f).ToArray();
        return new Fixed(c, weights);
    }

    /// <summary>Base-transform rows (rows × base width) from the generator.</summary>
    private float[] Generate(int rows, torch.Generator random, ConditionalVectorSampler sampler, Fixed? category)
    {
        var encoded = new float[(long)rows * Layout.Width];
        using var noGrad = torch.no_grad();
        using var weights = category is null ? null : torch.tensor(category.Weights);
        for (int start = 0; start < rows; start += ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            int count = Math.Min(ChunkRows, rows - start);
            Tensor input = torch.randn([count, Options.EmbeddingDim], generator: random);
            Tensor? codes = null;
            if (sampler.Columns > 0)
            {
                Tensor condition;
                if (category is null) (condition, _) = sampler.SampleOriginal(count);
                else
                {
                    codes = torch.multinomial(weights!, count, replacement: true, generator: random);
                    condition = nn.functional.one_hot(codes + offsets[category.Column], sampler.Width).to(ScalarType.Float32);
                }
                input = torch.cat([input, condition], 1);
            }
            var rowsOut = generator.Activate(generator.forward(input.to(Device))).to(torch.CPU);
            if (codes is not null)
            {
                // The requested category is the row's category: write it over the generator's own draw.
                var segment = categories[category!.Column];
                rowsOut = torch.cat([rowsOut.narrow(1, 0, segment.Start), nn.functional.one_hot(codes, segment.Width).to(ScalarType.Float32),
                    rowsOut.narrow(1, segment.Start + segment.Width, Layout.Width - segment.Start - segment.Width)], 1);
            }
            rowsOut.contiguous().data<float>().CopyTo(encoded.AsSpan(start * Layout.Width, count * Layout.Width));
        }
        return Layout.Decode(encoded, rows);
    }

    private protected override void WritePayload(BinaryWriter writer)
    {
        writer.Write(PayloadTag);
        writer.Write(TrainingRows);
        writer.Write(Layout.ToJson().ToJsonString());
        writer.Write(counts.Length);
        foreach (var column in counts)
        {
            writer.Write(column.Length);
            foreach (int n in column) writer.Write(n);
        }
        generator.save(writer);
    }

    /// <summary>Restores a fitted CTGAN from a model file's content (the registry's load entry).</summary>
    /// <exception cref="SynthException">The payload is not a CTGAN's, is damaged, or disagrees with the header.</exception>
    public static FittedCtgan Load(ModelFileContent content)
    {
        var options = ReadOptions(content, [CtganSynthesizer.Name], $"a '{CtganSynthesizer.Name}' one");

        CtganGenerator? generator = null;
        return ReadPayload(content, "CTGAN", reader =>
        {
            string tag = reader.ReadString();
            if (tag != PayloadTag && tag != FirstPayloadTag)
                throw new SynthException("The model file's payload is not a 'ctgan' payload of a layout this version reads.");
            int trainingRows = tag == FirstPayloadTag ? content.Header.Metadata.RowCount : reader.ReadInt32();
            if (trainingRows < 1) throw new SynthException($"The CTGAN model file says it was trained on {trainingRows} rows.");
            var layout = ModeSpecificNormalizer.FromJson(JsonNode.Parse(reader.ReadString())?.AsObject() ?? throw new SynthException("The CTGAN model file holds no layout."));
            content.Header.Metadata.EnsureSameSchema(layout.Base.Metadata, "The CTGAN model file is inconsistent (header and transform)");
            var counts = new int[reader.ReadInt32()][];
            for (int c = 0; c < counts.Length; c++)
            {
                counts[c] = new int[reader.ReadInt32()];
                for (int k = 0; k < counts[c].Length; k++) counts[c][k] = reader.ReadInt32();
            }
            using var init = new torch.Generator(0, torch.CPU);
            generator = new CtganGenerator(options.EmbeddingDim + counts.Sum(c => c.Length), options.GeneratorDims, layout.Spans, options.GumbelTemperature, init);
            NetworkPayload.ReadWeights(reader, "CTGAN", generator);
            NetworkPayload.PlaceForSampling(TorchDevices.Resolve(options.Device), [generator]);
            return new FittedCtgan(options, layout, counts, generator, trainingRows);
        }, () => generator?.Dispose());
    }

    public void Dispose() => generator.Dispose();
}
