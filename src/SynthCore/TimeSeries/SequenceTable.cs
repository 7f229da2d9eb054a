using Microsoft.Data.Analysis;
using SynthCore.Data;

namespace SynthCore.TimeSeries;

/// <summary>Sequences as a long table: one row per step, columns <c>sequence_id</c>, <c>step</c>, then the features.</summary>
public static class SequenceTable
{
    public const string SequenceIdColumn = "sequence_id";
    public const string StepColumn = "step";

    /// <summary>The long table of <paramref name="sequences"/> ([sequence][step][feature]); ids and steps start at 0.</summary>
    public static DataFrame ToLong(double[][][] sequences, IReadOnlyList<string> featureNames)
    {
        int rows = sequences.Sum(s => s.Length);
        var id = new Int32DataFrameColumn(SequenceIdColumn, rows);
        var step = new Int32DataFrameColumn(StepColumn, rows);
        var features = featureNames.Select(n => new DoubleDataFrameColumn(n, rows)).ToArray();
        int row = 0;
        for (int s = 0; s < sequences.Length; s++)
            for (int t = 0; t < sequences[s].Length; t++, row++)
            {
                id[row] = s;
                step[row] = t;
                for (int f = 0; f < features.Length; f++) features[f][row] = sequences[s][t][f];
            }
        return new DataFrame(new DataFrameColumn[] { id, step }.Concat(features));
    }

    /// <summary>The schema of the long table.</summary>
    public static TableMetadata Metadata(IReadOnlyList<string> featureNames, int sequences, int length)
    {
        int rows = sequences * length;
        return new TableMetadata(new[]
        {
            new ColumnMetadata(SequenceIdColumn, ColumnKind.Integer, 0, rows, sequences),
            new ColumnMetadata(StepColumn, ColumnKind.Integer, 0, rows, length),
        }.Concat(featureNames.Select(n => new ColumnMetadata(n, ColumnKind.Continuous, 0, rows, rows))));
    }
}
