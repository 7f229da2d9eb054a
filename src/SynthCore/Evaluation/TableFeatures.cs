using MathNet.Numerics.LinearAlgebra;

namespace SynthCore.Evaluation;

/// <summary>
/// Turns a table into a numeric matrix (for embeddings and the utility models), learned on the real table and applied unchanged to
/// any other: numeric and date columns standardised with the real mean and sample standard deviation
/// (missing → 0, the mean), categorical and boolean columns one-hot over the real categories (missing is a
/// category of its own; a category the real table lacks is all zeros). Identifier columns are left out.
/// </summary>
public sealed class TableFeatures
{
    private readonly List<Block> blocks;

    private TableFeatures(List<Block> blocks)
    {
        this.blocks = blocks;
        Names = blocks.SelectMany(b => b.Names).ToArray();
    }

    /// <summary>One name per feature: the column name, or "column=category" for a one-hot feature.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Width => Names.Count;

    /// <summary>The table column that feature <paramref name="feature"/> (an index into <see cref="Names"/>) comes from.</summary>
    public string ColumnOf(int feature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        foreach (var block in blocks)
        {
            if (feature < block.Names.Count) return block.Column;
            feature -= block.Names.Count;
        }
        throw new ArgumentOutOfRangeException(nameof(feature), $"there are {Width} features.");
    }

    /// <summary>Learns the scaling and categories from <paramref name="real"/>.</summary>
    /// <exception cref="SynthException">No column can be embedded.</exception>
    /// <param name="exclude">Columns to leave out (e.g. the target of a prediction).</param>
    /// <param name="missingIndicators">Give each numeric column a 0/1 feature "column (missing)" as well (whether or not the real table lacks values: the other may), so that
    /// a model can tell a missing value from one at the mean (detection needs it: a wrong missing rate gives synthetic rows away).</param>
    public static TableFeatures Fit(DataFrame real, TableMetadata metadata, IEnumerable<string>? exclude = null, bool missingIndicators = false)
    {
        var left = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        var blocks = new List<Block>();
        foreach (var column in metadata.Columns)
        {
            if (column.Kind == ColumnKind.Identifier || left.Contains(column.Name)) continue;
            var values = Find(real, column.Name, "real");
            if (column.IsNumeric)
            {
                var numbers = ColumnValues.Numbers(values);
                double mean = numbers.Length > 0 ? numbers.Average() : 0;
                double std = numbers.Length > 1 ? Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / (numbers.Length - 1)) : 0;
                // A constant column carries no information; scale 1 keeps it at 0 instead of dividing by zero.
                blocks.Add(new NumericBlock(column.Name, mean, std > 0 ? std : 1, missingIndicators));
            }
            else
            {
                var categories = ColumnValues.Labels(values).Distinct().OrderBy(l => l is null ? 1 : 0).ThenBy(l => l, StringComparer.Ordinal).ToArray();
                blocks.Add(new OneHotBlock(column.Name, categories));
            }
        }
        if (blocks.Count == 0)
            throw new SynthException("No feature columns: every column is an identifier or left out.");
        return new TableFeatures(blocks);
    }

    /// <summary>The rows of <paramref name="table"/> as features (rows × <see cref="Width"/>).</summary>
    /// <exception cref="SynthColumnException">A fitted column is missing from the table.</exception>
    public Matrix<double> Transform(DataFrame table, string which = "synthetic")
    {
        int rows = (int)table.Rows.Count;
        var matrix = Matrix<double>.Build.Dense(rows, Width);
        int offset = 0;
        foreach (var block in blocks)
        {
            block.Fill(Find(table, block.Column, which), matrix, offset);
            offset += block.Names.Count;
        }
        return matrix;
    }

    private static DataFrameColumn Find(DataFrame table, string name, string which) =>
        table.Columns.IndexOf(name) is var index and >= 0
            ? table.Columns[index]
            : throw new SynthColumnException(name, $"is missing from the {which} table.");

    private abstract record Block(string Column)
    {
        public abstract IReadOnlyList<string> Names { get; }
        public abstract void Fill(DataFrameColumn values, Matrix<double> matrix, int offset);
    }

    private sealed record NumericBlock(string Column, double Mean, double Scale, bool MissingIndicator) : Block(Column)
    {
        public override IReadOnlyList<string> Names => MissingIndicator ? [Column, $"{Column} (missing)"] : [Column];

        public override void Fill(DataFrameColumn values, Matrix<double> matrix, int offset)
        {
            var numbers = ColumnValues.AlignedNumbers(values);
            for (int i = 0; i < numbers.Length; i++)
            {
                matrix[i, offset] = numbers[i] is double x ? (x - Mean) / Scale : 0;
                if (MissingIndicator) matrix[i, offset + 1] = numbers[i] is null ? 1 : 0;
            }
        }
    }

    private sealed record OneHotBlock(string Column, string?[] Categories) : Block(Column)
    {
        public override IReadOnlyList<string> Names => Categories.Select(c => $"{Column}={c ?? "(missing)"}").ToArray();

        public override void Fill(DataFrameColumn values, Matrix<double> matrix, int offset)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            int missing = -1;
            for (int k = 0; k < Categories.Length; k++)
                if (Categories[k] is string c) index[c] = k; else missing = k;
            var labels = ColumnValues.Labels(values);
            for (int i = 0; i < labels.Length; i++)
            {
                int k = labels[i] is string l ? index.GetValueOrDefault(l, -1) : missing;
                if (k >= 0) matrix[i, offset + k] = 1;
            }
        }
    }
}
