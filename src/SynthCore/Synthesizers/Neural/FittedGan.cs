using SynthCore.Persistence;
using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural;

/// <summary>
/// A trained screen-time GAN (<c>gan</c>, <c>wgan-gp</c> or <c>cgan</c>): its generator and the
/// table transform that maps generated features back to rows. Sampling runs the generator in eval
/// mode (batch norm on its running statistics). A conditional GAN generates each row for a
/// category of its condition column, drawn at the real frequencies or from the categories an
/// equals / one-of condition on that column allows; other conditions are met by rejection.
/// </summary>
public sealed class FittedGan : FittedNetwork<GanOptions>, IPrivacyAccounted, IDisposable
{
    /// <summary>Rows generated per forward pass: bounds memory for large samples.</summary>
    private const int ChunkRows = 4096;


    /// <summary>Names this payload layout, so a payload of another layout fails clearly; layout 2 adds the training rows.</summary>
    private const string PayloadTag = "gan-payload/2", FirstPayloadTag = "gan-payload/1";

    /// <summary>The conditional GAN's payload: the same, plus the condition's category shares.</summary>
    private const string ConditionalPayloadTag = "cgan-payload/2", FirstConditionalPayloadTag = "cgan-payload/1";

    private readonly GanGenerator generator;

    /// <summary>Share of the training rows in each category of the condition column (conditional GAN only).</summary>
    private readonly float[]? conditionShares;

    /// <summary>The condition column's value for each of its one-hot codes (conditional GAN only).</summary>
    private readonly object?[]? conditionValues;

    internal FittedGan(GanOptions options, TableTransform transform, GanGenerator generator, int trainingRows, float[]? conditionShares = null)
        : base(options)
    {
        if (trainingRows < 1) throw new ArgumentOutOfRangeException(nameof(trainingRows), "A model is trained on at least one row.");
        Transform = transform;
        TrainingRows = trainingRows;
        this.generator = generator;
        if ((generator.Condition is null) != (conditionShares is null) || (conditionShares is not null && conditionShares.Length != generator.Condition!.Width))
            throw new ArgumentException("A conditional generator needs one share per category of its condition, an unconditional one none.", nameof(conditionShares));
        this.conditionShares = conditionShares;
        if (generator.Condition is { } span) conditionValues = CategoryValues(transform, span);
    }

    /// <summary>Reverses each one-hot code of <paramref name="span"/> (other features zero) to learn which value it stands for.</summary>
    private static object?[] CategoryValues(TableTransform transform, OutputSpan span)
    {
        var rows = new float[span.Width * transform.Width];
        for (int k = 0; k < span.Width; k++) rows[k * transform.Width + span.Start + k] = 1;
        var column = transform.Reverse(rows, span.Width)[span.Column];
        return Enumerable.Range(0, span.Width).Select(k => column[k]).ToArray();
    }

    public override string ModelName => Options.ModelName;

    public override TableMetadata Metadata => Transform.Metadata;

    /// <summary>The options the model was trained with.</summary>

    /// <summary>
    /// Rows the networks were trained on: DP-SGD's sampling rate is batch / these rows. Not the metadata's row count, which
    /// counts the whole table when a holdout was split off before fitting. A model file of layout 1 did not keep it; such a
    /// model reports the metadata's count, as it did when saved.
    /// </summary>
    public int TrainingRows { get; }

    /// <summary>
    /// The (ε, δ) of DP-SGD training (RDP accountant, Poisson rate batch / rows over every critic step,
    /// plus for cgan the Gaussian release of its condition's category counts), or null when trained
    /// without it. It covers the networks' weights and cgan's stored category shares; the table
    /// transform's ranges, category sets and missing-value columns and the row count are read from the
    /// data as is and are not private. Recomputed from the saved options, so a loaded model reports it too.
    /// </summary>
    public (double Epsilon, double Delta)? DifferentialPrivacy =>
        Options.DpNoiseMultiplier is double sigma
            ? (GanDpSgd.Epsilon(TrainingRows, Options), Options.DpDelta)
            : null;

    public string? PrivacyStatement => DifferentialPrivacy is { } dp
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the discriminator was trained with DP-SGD: (ε = {dp.Epsilon:G4}, δ = {dp.Delta:G2}) by the RDP accountant; the networks are covered{(Options.Condition is null ? "" : " and so are the condition's category shares (released with Gaussian noise)")}, the column ranges and category sets are not.")
        : null;

    /// <summary>
    /// The releases behind <see cref="DifferentialPrivacy"/>: the discriminator's noisy gradients (every critic update) and,
    /// for cgan, the condition's category counts; null without DP-SGD.
    /// </summary>
    public PrivacyAccount? PrivacyAccount =>
        Options.DpNoiseMultiplier is double sigma
            ? Training.PrivacyAccount.DpSgd("DP-SGD gradients of the discriminator", GanDpSgd.SamplingRate(TrainingRows, Options.BatchSize), sigma,
                Options.DpMaxGradNorm, (long)Options.Steps * Options.CriticSteps, Options.DpDelta,
                Options.Condition is null ? null : Options.DpCountNoiseMultiplier, Options.Condition is null ? 0 : 1)
            : null;

    /// <summary>Maps the generator's features back to table rows.</summary>
    public TableTransform Transform { get; }

    private protected override DataFrame Sample(int rows, SampleConditions? conditions, torch.Generator random)
    {
        generator.Randomness = random;
        try
        {
            var remaining = conditions?.All.ToList() ?? [];
            float[]? weights = null;
            if (generator.Condition is { } span)
            {
                var own = remaining.FirstOrDefault(c => c.Column == span.Column && c is EqualsCondition or OneOfCondition);
                weights = ConditionWeights(own);
                if (own is not null) remaining.Remove(own);
            }
            return remaining.Count == 0
                ? Transform.Reverse(Generate(rows, random, weights), rows)
                : GeneratedRowFilter.Sample(Transform, new SampleConditions(remaining), rows, count => Generate(count, random, weights));
        }
        finally
        {
            generator.Randomness = null;
        }
    }

    /// <summary>
    /// The weights of the condition's categories for sampling: the real shares, restricted to
    /// the categories <paramref name="condition"/> allows (equal weights if none of them was seen
    /// often enough to have a share).
    /// </summary>
    private float[] ConditionWeights(ColumnCondition? condition)
    {
        var shares = conditionShares!;
        if (condition is null) return shares;
        var allowed = conditionValues!.Select(v => condition.IsMetBy(v)).ToArray();
        if (!allowed.Contains(true))
            throw new SynthColumnException(condition.Column,
                $"has no category meeting the condition; its categories are {string.Join(", ", conditionValues!.Where(v => v is not null).Select(v => $"'{v}'"))}.");
        var weights = shares.Select((w, k) => allowed[k] ? w : 0).ToArray();
        return weights.Sum() > 0 ? weights : allowed.Select(a => a ? 1f : 0f).ToArray();
    }

    /// <summary>rows × width generator outputs, row-major; a conditional generator's categories are drawn by <paramref name="weights"/>.</summary>
    private float[] Generate(int rows, torch.Generator random, float[]? weights)
    {
        using var categoryWeights = weights is null ? null : torch.tensor(weights);
        var result = new float[(long)rows * Transform.Width];
        using var _ = torch.no_grad();
        for (int start = 0; start < rows; start += ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            int count = Math.Min(ChunkRows, rows - start);
            var input = torch.randn([count, Options.LatentDim], generator: random);
            if (generator.Condition is { } span)
            {
                var codes = torch.multinomial(categoryWeights!, count, replacement: true, generator: random);
                input = torch.cat([input, nn.functional.one_hot(codes, span.Width).to(torch.float32)], 1);
            }
            var features = generator.forward(input.to(Device)).to(torch.CPU).contiguous();
            features.data<float>().CopyTo(result.AsSpan(start * Transform.Width, count * Transform.Width));
        }
        return result;
    }

    private protected override void WritePayload(BinaryWriter writer)
    {
        writer.Write(conditionShares is null ? PayloadTag : ConditionalPayloadTag);
        writer.Write(TrainingRows);
        writer.Write(Transform.ToJson().ToJsonString());
        if (conditionShares is not null)
        {
            writer.Write(conditionShares.Length);
            foreach (float share in conditionShares) writer.Write(share);
        }
        generator.save(writer);
    }

    /// <summary>Restores a fitted GAN from a model file's content (the registry's load entry).</summary>
    /// <exception cref="SynthException">The payload is not a GAN's, is damaged, or disagrees with the header.</exception>
    public static FittedGan Load(ModelFileContent content)
    {
        var options = ReadOptions(content, [GanSynthesizer.Name, GanSynthesizer.WassersteinName, GanSynthesizer.ConditionalName], "a GAN");
        if (options.ModelName != content.Header.Model)
            throw new SynthException($"The model file says it holds a '{content.Header.Model}' model, but its options describe a '{options.ModelName}'.");

        GanGenerator? generator = null;
        return ReadPayload(content, "GAN", reader =>
        {
            string tag = reader.ReadString();
            bool first = tag == (options.Condition is null ? FirstPayloadTag : FirstConditionalPayloadTag);
            if (!first && tag != (options.Condition is null ? PayloadTag : ConditionalPayloadTag))
                throw new SynthException($"The model file's payload is not a '{options.ModelName}' payload of a layout this version reads.");
            int trainingRows = first ? content.Header.Metadata.RowCount : reader.ReadInt32();
            if (trainingRows < 1) throw new SynthException($"The GAN model file says it was trained on {trainingRows} rows.");
            var transform = TableTransform.FromJson(JsonNode.Parse(reader.ReadString())?.AsObject()
                ?? throw new SynthException("The GAN model file holds no table transform."));
            content.Header.Metadata.EnsureSameSchema(transform.Metadata, "The GAN model file is inconsistent (header and transform)");
            OutputSpan? conditionSpan = null;
            float[]? shares = null;
            if (options.Condition is { } column)
            {
                conditionSpan = GanSynthesizer.ConditionSpan(transform, column);
                shares = new float[reader.ReadInt32()];
                if (shares.Length != conditionSpan.Width)
                    throw new SynthException($"The conditional GAN model file has {shares.Length} category shares for column '{column}', which has {conditionSpan.Width} categories.");
                for (int k = 0; k < shares.Length; k++) shares[k] = reader.ReadSingle();
            }

            using var threads = TorchThreads.Use(options.Threads);
            // The weights are overwritten by load; the seeded generator only satisfies the constructor.
            using var init = new torch.Generator(0, torch.CPU);
            generator = new GanGenerator(options.LatentDim, transform.Spans, options.GumbelTemperature, init, conditionSpan);
            NetworkPayload.ReadWeights(reader, "GAN", generator);
            NetworkPayload.PlaceForSampling(TorchDevices.Resolve(options.Device), [generator]);
            return new FittedGan(options, transform, generator, trainingRows, shares);
        }, () => generator?.Dispose());
    }

    public void Dispose() => generator.Dispose();
}
