namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// What the four statistical models share once fitted: the schema, the seed, argument checks,
/// decoding and saving. A model supplies <see cref="Generate"/>: one double array per column
/// (numbers, category codes, NaN for missing) for the rows asked for.
/// </summary>
internal abstract class FittedStatModel<TOptions> : IFittedSynthesizer where TOptions : notnull
{
    protected FittedStatModel(StatSchema schema, TOptions options, int seed)
    {
        Schema = schema;
        Options = options;
        Seed = seed;
    }

    public abstract string ModelName { get; }
    public TableMetadata Metadata => Schema.Metadata;
    public StatSchema Schema { get; }
    public TOptions Options { get; }
    public int Seed { get; }

    public DataFrame Sample(int rows, SampleConditions? conditions = null, int? seed = null)
    {
        if (rows < 1) throw new SynthOptionException("rows", $"must be at least 1 (got {rows}).");
        conditions?.Validate(Metadata);
        var random = new RandomStreams(seed ?? Seed).Stream("sample");
        if (conditions is null || conditions.All.Count == 0) return Schema.Decode(Generate(rows, random, null), rows);

        var resolved = ConditionResolver.Resolve(conditions, Metadata, domain ??= EncodedConditions.Domain(Schema));
        var encoded = EncodedConditions.From(resolved, Schema);
        // The model meets what it can natively; the shared sampler checks every row and draws again for the rest.
        return RejectionSampler.Sample((count, r) => Schema.Decode(Generate(count, r, encoded), count), rows, resolved, random);
    }

    private ConditionDomain? domain;

    /// <summary>
    /// <paramref name="rows"/> generated rows as one array per column (identifier columns may be null).
    /// <paramref name="conditions"/> are the conditions the model should meet natively where it can; rows that miss
    /// the others are filtered out by the caller.
    /// </summary>
    protected abstract double[]?[] Generate(int rows, Random random, EncodedConditions? conditions);

    public void Save(Stream stream) => StatPayload.Save(stream, ModelName, Schema, Options, WriteModel);

    protected abstract void WriteModel(BinaryWriter writer);
}
