using Microsoft.Data.Analysis;

namespace SynthCore.Tests.Evaluation;

/// <summary>Short constructors for the tiny hand-computed tables of the metric tests.</summary>
internal static class Columns
{
    public static DoubleDataFrameColumn Num(string name, params double?[] values) => new(name, values);
    public static StringDataFrameColumn Cat(string name, params string?[] values) => new(name, values);
    public static BooleanDataFrameColumn Bool(string name, params bool?[] values) => new(name, values);
    public static DateTimeDataFrameColumn Dates(string name, params DateTime?[] values) => new(name, values);
}
