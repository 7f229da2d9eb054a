namespace SynthCore.Transforms;

/// <summary>One output per category (plus one for "missing", if any), one Softmax span; reverse takes the argmax.</summary>
public sealed class OneHotTransform(string column, ColumnKind kind = ColumnKind.Categorical) : CategoryTransform(column, kind)
{
    internal const string Type = "one_hot";

    public override int Width => CodeCount;
    public override IReadOnlyList<OutputSpan> Spans => [new OutputSpan(Column, 0, Width, OutputActivation.Softmax)];
    protected override string TypeName => Type;

    protected override void Encode(int code, Span<float> outputs)
    {
        outputs.Clear();
        outputs[code] = 1;
    }

    // First maximum on ties, so the result is deterministic.
    protected override int Decode(ReadOnlySpan<float> outputs)
    {
        int best = 0;
        for (int i = 1; i < outputs.Length; i++)
            if (outputs[i] > outputs[best]) best = i;
        return best;
    }

    public static OneHotTransform FromJson(JsonObject json)
    {
        var t = new OneHotTransform(JsonFields.Get<string>(json, "column"), JsonFields.Kind(json));
        t.Restore(json);
        return t;
    }
}
