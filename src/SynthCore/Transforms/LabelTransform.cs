namespace SynthCore.Transforms;

/// <summary>
/// One Sigmoid output per column: the category's code divided by (codes − 1), so codes spread
/// evenly over [0, 1] (a single category is 0). Reverse takes the nearest code, clamped to the
/// valid codes. Compact, but it imposes an order on the categories, so prefer one-hot for models
/// that can afford the width.
/// </summary>
public sealed class LabelTransform(string column, ColumnKind kind = ColumnKind.Categorical) : CategoryTransform(column, kind)
{
    internal const string Type = "label";

    public override int Width => 1;
    public override IReadOnlyList<OutputSpan> Spans => [new OutputSpan(Column, 0, 1, OutputActivation.Sigmoid)];
    protected override string TypeName => Type;

    private int Steps => Math.Max(CodeCount - 1, 1);

    protected override void Encode(int code, Span<float> outputs) => outputs[0] = (float)code / Steps;

    protected override int Decode(ReadOnlySpan<float> outputs) =>
        (int)Math.Clamp(Math.Round((double)outputs[0] * Steps, MidpointRounding.AwayFromZero), 0, CodeCount - 1);

    public static LabelTransform FromJson(JsonObject json)
    {
        var t = new LabelTransform(JsonFields.Get<string>(json, "column"), JsonFields.Kind(json));
        t.Restore(json);
        return t;
    }
}
