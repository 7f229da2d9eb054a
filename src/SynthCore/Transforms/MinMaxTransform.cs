namespace SynthCore.Transforms;

/// <summary>Scales a numeric column to [0, 1] by its fitted min and max (Sigmoid output). A constant column maps to 0.</summary>
public sealed class MinMaxTransform(string column, ColumnKind kind = ColumnKind.Continuous, bool clipToObservedRange = true)
    : NumericTransform(column, kind, clipToObservedRange, Type, OutputActivation.Sigmoid)
{
    internal const string Type = "min_max";

    private double Range => Max > Min ? Max - Min : 1;

    protected override void FitScale(IReadOnlyList<double> values) { }

    protected override double Scale(double x) => (x - Min) / Range;

    protected override double Unscale(double y) => Min + y * Range;

    protected override void WriteScale(JsonObject json) { }

    protected override void ReadScale(JsonObject json) { }

    public static MinMaxTransform FromJson(JsonObject json)
    {
        var t = new MinMaxTransform(JsonFields.Get<string>(json, "column"), JsonFields.Kind(json), JsonFields.Get<bool>(json, "clip_to_observed_range"));
        t.Restore(json);
        return t;
    }
}
