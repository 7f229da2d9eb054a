using MathNet.Numerics.Statistics;

namespace SynthCore.Transforms;

/// <summary>Standardises a numeric column to (x − mean) / standard deviation (Identity output). A constant column uses deviation 1.</summary>
public sealed class StandardTransform(string column, ColumnKind kind = ColumnKind.Continuous, bool clipToObservedRange = true)
    : NumericTransform(column, kind, clipToObservedRange, Type, OutputActivation.Identity)
{
    internal const string Type = "standard";

    /// <summary>The fitted (population) standard deviation, or 1 for a constant column.</summary>
    public double StandardDeviation { get; private set; } = 1;

    protected override void FitScale(IReadOnlyList<double> values)
    {
        // Centre first: dates as ticks are ~6e17, where the variance of raw values loses all precision.
        double mean = Mean;
        double sd = values.Select(x => x - mean).PopulationStandardDeviation();
        StandardDeviation = sd > 0 && double.IsFinite(sd) ? sd : 1;
    }

    protected override double Scale(double x) => (x - Mean) / StandardDeviation;

    protected override double Unscale(double y) => Mean + y * StandardDeviation;

    protected override void WriteScale(JsonObject json) => json["standard_deviation"] = StandardDeviation;

    protected override void ReadScale(JsonObject json) => StandardDeviation = JsonFields.Get<double>(json, "standard_deviation");

    public static StandardTransform FromJson(JsonObject json)
    {
        var t = new StandardTransform(JsonFields.Get<string>(json, "column"), JsonFields.Kind(json), JsonFields.Get<bool>(json, "clip_to_observed_range"));
        t.Restore(json);
        return t;
    }
}
