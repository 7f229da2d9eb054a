using SynthCore.Data.Sequences;

namespace SynthCore.Synthesizers.Sequential;

/// <summary>Reads the model-specific <c>--option key=value</c> pairs every sequence model shares, and typed values.</summary>
internal static class SequenceOptionParser
{
    /// <summary>The shared options: how the table becomes sequences.</summary>
    public static readonly IReadOnlyList<ModelOption<SequenceDataOptions>> DataOptions =
    [
        ModelOption.Int<SequenceDataOptions>("seq-len", o => o.SequenceLength, (o, v) => o with { SequenceLength = v }, "steps per sequence window"),
        ModelOption.Int<SequenceDataOptions>("stride", o => o.Stride, (o, v) => o with { Stride = v }, "steps between window starts"),
        ModelOption.Text<SequenceDataOptions>("time-column", o => o.TimeColumn, (o, v) => o with { TimeColumn = v }, "the column that orders rows (default: the only date column)", "column"),
        ModelOption.Text<SequenceDataOptions>("id-column", o => o.IdColumn, (o, v) => o with { IdColumn = v }, "the column naming each entity's sequence", "column"),
        ModelOption.Names<SequenceDataOptions>("features", o => o.Features, (o, v) => o with { Features = v }, "the series to model (default: the numeric columns)"),
        ModelOption.Bool<SequenceDataOptions>("irregular", o => o.AllowIrregular, (o, v) => o with { AllowIrregular = v }, "accept uneven time steps"),
        ModelOption.Names<SequenceDataOptions>("static", o => o.Static, (o, v) => o with { Static = v }, "per-entity columns that do not change over time (TimeGAN)"),
    ];

    /// <summary><paramref name="model"/>'s own options and the shared data options, applied to its <c>Data</c>.</summary>
    public static ModelOptionSet<T> WithData<T>(IEnumerable<ModelOption<T>> model, Func<T, SequenceDataOptions> data, Func<T, SequenceDataOptions, T> withData) =>
        new(model.Concat(DataOptions.Select(o => o.Within(data, withData))));

    /// <summary>Only TimeGAN models static columns: the others say so rather than drop them.</summary>
    public static void RejectStatic(SequenceDataOptions data, string model)
    {
        if (data.Static is not null)
            throw new SynthOptionException("static", $"static (per-entity) columns are modelled by the 'timegan' model only; the '{model}' model would drop them.");
    }

    /// <summary>Checks a sample request the sequence models share.</summary>
    public static void CheckSampleRequest(int count, Synthesizers.SampleConditions? conditions, string model, TableMetadata? metadata = null)
    {
        if (count < 1) throw new SynthOptionException("rows", $"must be at least 1 sequence (got {count}).");
        // An unknown column is named first, as for every model; known ones are refused next.
        if (metadata is not null) conditions?.Validate(metadata);
        if (conditions is not null && conditions.All.Count > 0)
            throw new SynthOptionException("conditions", $"the '{model}' sequence model does not support conditional sampling.");
    }
}
