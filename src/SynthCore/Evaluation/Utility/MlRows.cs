using Microsoft.ML;
using Microsoft.ML.Data;

namespace SynthCore.Evaluation.Utility;

/// <summary>Feature rows as an ML.NET data view: a float vector "Features" of a width known only at run time, and a label (a class key, a number, or true/false).</summary>
internal static class MlRows
{
    public sealed class ClassRow
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
    }

    public sealed class ValueRow
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    public sealed class BinaryRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    /// <summary>Labels are class indices 0 … classes − 1 (the loader stores them as ML.NET keys 1 … classes; key 0 is "missing").</summary>
    public static IDataView Classes(MLContext ml, double[][] features, int[] labels, int classes)
    {
        var schema = SchemaDefinition.Create(typeof(ClassRow));
        schema[nameof(ClassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width(features));
        schema[nameof(ClassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var rows = features.Select((x, i) => new ClassRow { Features = Floats(x), Label = (uint)labels[i] }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static IDataView Values(MLContext ml, double[][] features, double[] labels)
    {
        var schema = SchemaDefinition.Create(typeof(ValueRow));
        schema[nameof(ValueRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width(features));
        var rows = features.Select((x, i) => new ValueRow { Features = Floats(x), Label = (float)labels[i] }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static IDataView Binary(MLContext ml, double[][] features, bool[] labels)
    {
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width(features));
        var rows = features.Select((x, i) => new BinaryRow { Features = Floats(x), Label = labels[i] }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static int Width(double[][] features) => features.Length > 0 ? features[0].Length : 0;

    private static float[] Floats(double[] x) => x.Select(v => (float)v).ToArray();
}
